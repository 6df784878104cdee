package io.weir.runtime.operators;

import io.weir.api.connector.PrintSink;

import java.io.PrintStream;

/**
 * Prints records like Flink's print sink: {@code "prefix:"} before each line when a prefix is set, then
 * {@code "subtask> "} (1-based) when the sink's parallelism is above one.
 */
public final class PrintSinkOperator extends StreamOperator {
    private final PrintSink<?> sink;
    private PrintStream out;
    private String linePrefix;

    public PrintSinkOperator(PrintSink<?> sink) {
        this.sink = sink;
    }

    @Override
    protected void doOpen() {
        out = sink.out();
        String subtask = context.parallelism() > 1 ? String.valueOf(context.subtaskIndex() + 1) : "";
        String id = sink.prefix();
        if (!id.isEmpty() && !subtask.isEmpty()) {
            linePrefix = id + ":" + subtask + "> ";
        } else if (!id.isEmpty()) {
            linePrefix = id + "> ";
        } else if (!subtask.isEmpty()) {
            linePrefix = subtask + "> ";
        } else {
            linePrefix = "";
        }
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        out.println(linePrefix + value);
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }

    @Override
    protected void doClose() {
        out.flush();
    }
}
