package io.weir.api;

import io.weir.api.annotation.Stable;

/**
 * A job failed. The message names the job and, when the failure came from a subtask, the operator and
 * subtask; the cause is the original exception (for example the one thrown by a user function).
 */
@Stable
public class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operatorName;
    private final int subtaskIndex;

    public JobFailedException(String message, Throwable cause, String operatorName, int subtaskIndex) {
        super(message, cause);
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
    }

    public JobFailedException(String message, Throwable cause) {
        this(message, cause, null, -1);
    }

    /** The operator that failed, or {@code null} when the failure was not in an operator. */
    public String operatorName() {
        return operatorName;
    }

    /** The failing subtask's index, or {@code -1}. */
    public int subtaskIndex() {
        return subtaskIndex;
    }
}
