package io.weir.cli;

import io.weir.api.JobFailedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReportTest {

    @Test
    void shouldFindTheJobFailureInsideAWrapper() {
        var failure = new CompletionException(new JobFailedException("job failed", new ArithmeticException("/ by zero"),
                "map", 0));

        assertThat(FailureReport.describe("calc", failure))
                .isEqualTo("example 'calc' failed in operator 'map' (subtask 0): ArithmeticException: / by zero");
    }

    @Test
    void shouldLeaveOutTheOperatorWhenTheFailureNamesNone() {
        var failure = new JobFailedException("job failed", new IllegalStateException("no runtime"));

        assertThat(FailureReport.describe("x", failure)).isEqualTo("example 'x' failed: IllegalStateException: no runtime");
    }

    @Test
    void shouldDescribeAPlainException() {
        assertThat(FailureReport.describe("x", new UnsupportedOperationException()))
                .isEqualTo("example 'x' failed: UnsupportedOperationException");
    }
}
