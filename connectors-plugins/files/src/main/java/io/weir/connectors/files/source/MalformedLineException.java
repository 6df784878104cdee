package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

/**
 * Fails the job at the first malformed line when the source runs with {@link OnMalformed#FAIL} (the default);
 * the message names the file, the line number, the column when known, the reason and the text.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
@Evolving
public final class MalformedLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final MalformedLine malformed;

    /** The failure for {@code malformed}, caused by the format's {@code cause}. */
    public MalformedLineException(MalformedLine malformed, Throwable cause) {
        super("malformed line in " + malformed.describe(), cause);
        this.malformed = malformed;
    }

    /** The line and what is wrong with it. */
    public MalformedLine malformed() {
        return malformed;
    }
}
