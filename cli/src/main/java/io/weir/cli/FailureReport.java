package io.weir.cli;

import io.weir.api.JobFailedException;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns an exception from a job into the one line {@code weir run} prints: which example failed, in
 * which operator and subtask (from the {@link JobFailedException} in the cause chain, when there is
 * one), and the original cause.
 */
final class FailureReport {
    private FailureReport() {
    }

    /** One line, such as {@code example 'wordcount' failed in operator 'tokenize' (subtask 2): IllegalStateException: bad line}. */
    static String describe(String example, Throwable failure) {
        StringBuilder line = new StringBuilder("example '").append(example).append("' failed");
        JobFailedException jobFailure = find(failure);
        if (jobFailure != null && jobFailure.operatorName() != null) {
            line.append(" in operator '").append(jobFailure.operatorName()).append('\'');
            if (jobFailure.subtaskIndex() >= 0) {
                line.append(" (subtask ").append(jobFailure.subtaskIndex()).append(')');
            }
        }
        Throwable root = rootCause(failure);
        line.append(": ").append(root.getClass().getSimpleName());
        if (root.getMessage() != null) {
            line.append(": ").append(root.getMessage());
        }
        return line.toString();
    }

    /** The first {@link JobFailedException} in the cause chain, or {@code null}. */
    static JobFailedException find(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof JobFailedException f) {
                return f;
            }
        }
        return null;
    }

    /** The innermost cause: the original exception, such as the one a user function threw. */
    static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Throwable root = failure;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            root = t;
        }
        return root;
    }
}
