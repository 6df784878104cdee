package io.weir.api.codec;

import io.weir.api.annotation.Stable;

/**
 * A value could not be encoded or decoded, or a type has no codec. The message names the type and,
 * where known, the operator or file involved.
 */
@Stable
public class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
