package io.weir.runtime.operators;

/**
 * A user function (or the operator around it) failed. Names the operator and subtask so that the job's
 * failure says where it happened; the cause is the original exception.
 */
public final class OperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operatorName;
    private final int subtaskIndex;

    public OperatorException(String operatorName, int subtaskIndex, String what, Throwable cause) {
        super(what + " in operator '" + operatorName + "' (subtask " + subtaskIndex + "): " + cause, cause);
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
    }

    public String operatorName() {
        return operatorName;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }
}
