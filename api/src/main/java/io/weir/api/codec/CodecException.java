package io.weir.api.codec;

import io.weir.api.annotation.Stable;

/**
 * A value could not be encoded or decoded, or a type has no codec. The message names the type and,
 * where known, the operator or file involved.
 */
@Stable
public class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public CodecException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
