package io.weir.proptest.model;

import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Ev;
import io.weir.proptest.pipeline.Input;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the output a pipeline must produce, sequentially, one record and one watermark at a time,
 * with Flink's rules: watermark after each record {@code = max ts - bound - 1}; a window
 * {@code [start, end)} fires when the watermark reaches {@code end - 1}; an element is dropped for a
 * window when {@code end - 1 + lateness <= watermark}; one that lands in a fired but not yet cleaned
 * window fires it again at once; a window is cleaned when the watermark reaches {@code end - 1 + lateness};
 * sliding windows {@code start = ts - (ts + slide) % slide, start - slide, ...} while {@code start > ts - size};
 * session windows {@code [ts, ts + gap)} merge with every session they intersect (touching counts).
 * At the end of the input the watermark jumps to {@link Long#MAX_VALUE}.
 *
 * <p>The records reach the keyed stage as they leave their source: before each source record the
 * watermark of the records before it, after it the watermark including it. With several branches (key
 * sets disjoint, no late records, see {@link Pipeline}) each branch is run through its own copy of the
 * keyed stage, which gives the same result as any interleaving.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #run} may be called from any thread.
 */
public final class ReferenceModel {
    private ReferenceModel() {
    }

    /** The expected output, per key in the order the keyed stage emits it (keys interleaved arbitrarily). */
    public static List<Ev> run(Pipeline pipeline) {
        List<Ev> keyedOut = new ArrayList<>();
        for (Branch branch : pipeline.branches()) {
            KeyedModel keyed = keyedModel(pipeline.keyed(), keyedOut);
            long max = Long.MIN_VALUE;
            for (Input in : branch.inputs()) {
                Stage.applyAll(branch.pre(), in.toEv(), e -> keyed.element(e, in.ts()));
                max = Math.max(max, in.ts());
                keyed.watermark(max - branch.bound() - 1);
            }
            keyed.watermark(Long.MAX_VALUE);
        }
        List<Ev> out = new ArrayList<>();
        for (Ev e : keyedOut) {
            Stage.applyAll(pipeline.post(), e, out::add);
        }
        return out;
    }

    private static KeyedModel keyedModel(KeyedStage stage, List<Ev> out) {
        return switch (stage) {
            case null -> new PassThrough(out);
            case KeyedStage.RollingReduce r -> new Reduce(out);
            case KeyedStage.CountingProcess c -> new Counter(out);
            case KeyedStage.Window w -> switch (w.kind()) {
                case KeyedStage.Session s -> new SessionWindows(out, s.gap(), w.lateness());
                case KeyedStage.Tumbling t -> new AlignedWindows(out, t.size(), t.size(), w.lateness());
                case KeyedStage.Sliding s -> new AlignedWindows(out, s.size(), s.slide(), w.lateness());
            };
        };
    }

    /** A keyed stage fed with records (and their event timestamps) and watermarks. */
    private abstract static class KeyedModel {
        final List<Ev> out;
        long watermark = Long.MIN_VALUE;

        KeyedModel(List<Ev> out) {
            this.out = out;
        }

        abstract void element(Ev e, long timestamp);

        final void watermark(long w) {
            if (w > watermark) {
                advance(w);
                watermark = w;
            }
        }

        /** The watermark moves from {@link #watermark} to {@code w}: fire and clean what falls in between. */
        void advance(long w) {
        }
    }

    private static final class PassThrough extends KeyedModel {
        PassThrough(List<Ev> out) {
            super(out);
        }

        @Override
        void element(Ev e, long timestamp) {
            out.add(e);
        }
    }

    private static final class Reduce extends KeyedModel {
        private final Map<Integer, Ev> current = new HashMap<>();

        Reduce(List<Ev> out) {
            super(out);
        }

        @Override
        void element(Ev e, long timestamp) {
            Ev acc = current.get(e.key());
            Ev next = acc == null ? e : KeyedStage.RollingReduce.reduce(acc, e);
            current.put(e.key(), next);
            out.add(next);
        }
    }

    private static final class Counter extends KeyedModel {
        private final Map<Integer, Long> counts = new HashMap<>();

        Counter(List<Ev> out) {
            super(out);
        }

        @Override
        void element(Ev e, long timestamp) {
            long c = counts.merge(e.key(), 1L, Long::sum);
            out.add(new Ev(e.key(), e.value(), e.ts(), c, 0));
        }
    }

    /** One window's contents. */
    private static final class Win {
        long start;
        long end;
        long count;
        long sum;

        Win(long start, long end) {
            this.start = start;
            this.end = end;
        }

        long maxTimestamp() {
            return end - 1;
        }
    }

    /** Tumbling (size == slide) and sliding windows. */
    private static final class AlignedWindows extends KeyedModel {
        private final long size;
        private final long slide;
        private final long lateness;
        private final Map<Integer, List<Win>> windows = new HashMap<>();

        AlignedWindows(List<Ev> out, long size, long slide, long lateness) {
            super(out);
            this.size = size;
            this.slide = slide;
            this.lateness = lateness;
        }

        @Override
        void element(Ev e, long timestamp) {
            long lastStart = timestamp - (timestamp + slide) % slide;
            List<Win> ofKey = windows.computeIfAbsent(e.key(), k -> new ArrayList<>());
            for (long start = lastStart; start > timestamp - size; start -= slide) {
                long end = start + size;
                if (cleanupTime(end - 1, lateness) <= watermark) {
                    continue; // late for this window
                }
                Win w = null;
                for (Win x : ofKey) {
                    if (x.start == start) {
                        w = x;
                    }
                }
                if (w == null) {
                    w = new Win(start, end);
                    ofKey.add(w);
                }
                w.count++;
                w.sum += e.value();
                if (w.maxTimestamp() <= watermark) {
                    out.add(result(e.key(), w)); // fired before: fires again at once
                }
            }
        }

        @Override
        void advance(long w) {
            for (var entry : windows.entrySet()) {
                fireAndClean(entry.getKey(), entry.getValue(), watermark, w, lateness, out);
            }
        }
    }

    private static final class SessionWindows extends KeyedModel {
        private final long gap;
        private final long lateness;
        private final Map<Integer, List<Win>> sessions = new HashMap<>();

        SessionWindows(List<Ev> out, long gap, long lateness) {
            super(out);
            this.gap = gap;
            this.lateness = lateness;
        }

        @Override
        void element(Ev e, long timestamp) {
            List<Win> ofKey = sessions.computeIfAbsent(e.key(), k -> new ArrayList<>());
            Win merged = new Win(timestamp, timestamp + gap);
            List<Win> touched = new ArrayList<>();
            for (Win s : ofKey) {
                if (s.start <= merged.end && s.end >= merged.start) {
                    touched.add(s);
                }
            }
            if (touched.isEmpty() && cleanupTime(merged.maxTimestamp(), lateness) <= watermark) {
                return; // late, and no live session takes it in
            }
            for (Win s : touched) {
                merged.start = Math.min(merged.start, s.start);
                merged.end = Math.max(merged.end, s.end);
                merged.count += s.count;
                merged.sum += s.sum;
                ofKey.remove(s);
            }
            merged.count++;
            merged.sum += e.value();
            ofKey.add(merged);
            if (merged.maxTimestamp() <= watermark) {
                out.add(result(e.key(), merged));
            }
        }

        @Override
        void advance(long w) {
            for (var entry : sessions.entrySet()) {
                fireAndClean(entry.getKey(), entry.getValue(), watermark, w, lateness, out);
            }
        }
    }

    /** Timers in (from, to]: windows fire at their max timestamp, in that order, and go at their cleanup time. */
    private static void fireAndClean(int key, List<Win> ofKey, long from, long to, long lateness, List<Ev> out) {
        ofKey.sort((x, y) -> Long.compare(x.end, y.end));
        for (Win w : ofKey) {
            if (w.maxTimestamp() > from && w.maxTimestamp() <= to) {
                out.add(result(key, w));
            }
        }
        ofKey.removeIf(w -> cleanupTime(w.maxTimestamp(), lateness) <= to);
    }

    private static long cleanupTime(long maxTimestamp, long lateness) {
        long t = maxTimestamp + lateness;
        return t >= maxTimestamp ? t : Long.MAX_VALUE;
    }

    private static Ev result(int key, Win w) {
        return new Ev(key, w.sum, w.start, w.end, w.count);
    }

}
