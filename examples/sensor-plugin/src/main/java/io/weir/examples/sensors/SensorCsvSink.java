package io.weir.examples.sensors;

import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends readings as CSV rows ({@link SensorReading#toCsv()}) to {@code <directory>/readings-<subtask>.csv},
 * flushed at every checkpoint and at the end of the input. At-least-once: rows written after the last
 * completed checkpoint are written again after a restore. (An exactly-once sink implements
 * {@code TwoPhaseCommitSink} instead, as Weir's file sink does.)
 *
 * <h2>Thread safety</h2>
 * Immutable and shared; each subtask gets its own writer.
 *
 * @param directory where the CSV files go (created when missing)
 */
public record SensorCsvSink(Path directory) implements WriterSink<SensorReading> {
    @Override
    public SinkWriter<SensorReading> createWriter(WriterContext context) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("readings-" + context.subtaskIndex() + ".csv");
        return new Writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    /** One subtask's writer: a buffered appender to its own file. */
    private static final class Writer implements SinkWriter<SensorReading> {
        private final BufferedWriter out;
        private boolean closed;

        Writer(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void write(SensorReading reading, long timestamp) throws IOException {
            out.write(reading.toCsv());
            out.newLine();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
