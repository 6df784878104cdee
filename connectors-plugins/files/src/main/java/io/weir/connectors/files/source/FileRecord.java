package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;

import java.util.Objects;

/**
 * What a file source built with {@link FileSource.Builder#buildWithMalformedLines()} emits: each line either
 * as a record ({@link Value}) or as a {@link Malformed} line, in file order. {@link #splitMalformed()} turns the
 * stream into the records, with the malformed lines in the side output {@link MalformedLine#TAG}:
 *
 * <pre>{@code
 * DataStream<CsvRow> rows = env.fromSource(source, "trades").process(FileRecord.splitMalformed());
 * DataStream<MalformedLine> bad = rows.getSideOutput(MalformedLine.TAG);
 * }</pre>
 *
 * @param <T> record type
 */
@Evolving
public sealed interface FileRecord<T> permits FileRecord.Value, FileRecord.Malformed {

    /**
     * A line read as a record.
     *
     * @param value the record
     */
    record Value<T>(T value) implements FileRecord<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A line that could not be read.
     *
     * @param line where and why
     */
    record Malformed<T>(MalformedLine line) implements FileRecord<T> {
        public Malformed {
            Objects.requireNonNull(line, "line");
        }
    }

    /** A process function that emits the records and sends the malformed lines to {@link MalformedLine#TAG}. */
    static <T> ProcessFunction<FileRecord<T>, T> splitMalformed() {
        return new MalformedSplitter<>();
    }

    /** {@link #splitMalformed()}. */
    final class MalformedSplitter<T> extends ProcessFunction<FileRecord<T>, T> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(FileRecord<T> value, Context context, Collector<T> out) {
            switch (value) {
                case Value<T> v -> out.collect(v.value());
                case Malformed<T> m -> context.output(MalformedLine.TAG, m.line());
            }
        }
    }
}
