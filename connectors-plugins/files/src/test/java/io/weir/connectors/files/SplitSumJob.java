package io.weir.connectors.files;

import io.weir.api.StreamEnvironment;
import io.weir.api.datastream.DataStreamSink;
import io.weir.runtime.testing.GatedSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rescalable job of the savepoint tests: a {@link GatedSource} of {@value #SPLITS} splits (the readers'
 * split positions are operator list state), keyed by split ({@code (x - 1) % SPLITS}), a keyed rolling sum
 * ({@code reduce}), one line per record into an exactly-once {@link FileSink}. All operators run at the
 * environment's parallelism. Each key's records come from one split, which one reader reads in order, so
 * the rolling sums, and thus the lines, are the same at every parallelism: {@link #expected}.
 */
final class SplitSumJob {
    static final int SPLITS = 12;

    /** A key and its running sum (a record, so that keyed state holds a type known only at run time). */
    record Tally(long split, long sum) {
    }

    private SplitSumJob() {
    }

    /** Adds the job to {@code env}; operators carry uids. */
    static DataStreamSink<String> build(StreamEnvironment env, GatedSource source, Path output) {
        return env.fromSource(source, "gated").uid("gated")
                .map(x -> new Tally((x - 1) % SPLITS, x)).uid("tally")
                .keyBy(Tally::split)
                .reduce((a, b) -> new Tally(a.split(), a.sum() + b.sum())).uid("sum")
                .map(t -> "split=" + t.split() + " sum=" + t.sum()).uid("format")
                .sinkTo(FileSink.<String>forRows(output).build()).uid("files");
    }

    /** The source of this job over {@code 1..last}, gate closed. */
    static GatedSource source(long last) {
        return GatedSource.withSplits(last, SPLITS);
    }

    /** The lines of a failure-free run over {@code 1..last}. */
    static List<String> expected(long last) {
        long[] sums = new long[SPLITS];
        List<String> lines = new ArrayList<>();
        for (long x = 1; x <= last; x++) {
            int split = (int) ((x - 1) % SPLITS);
            sums[split] += x;
            lines.add("split=" + split + " sum=" + sums[split]);
        }
        return lines;
    }
}
