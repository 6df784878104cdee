package io.weir.proptest.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stateless stage (map, filter, flatMap). Each knows its own meaning ({@link #apply}), which the model
 * and the Weir job both use: it is the definition of the user function, not runtime code.
 * No stage changes {@link Ev#ts()}.
 */
public sealed interface Stage extends Serializable {

    /** Feeds the stage's outputs for {@code in} to {@code out}, in order. */
    void apply(Ev in, Consumer<Ev> out);

    /** {@code value * mul + add}. */
    record MapValue(long mul, long add) implements Stage {
        @Override
        public void apply(Ev in, Consumer<Ev> out) {
            out.accept(new Ev(in.key(), in.value() * mul + add, in.ts(), in.a(), in.b()));
        }
    }

    /** {@code key = floorMod(key * mul + add, mod)}: merges keys (never used where keys must stay apart). */
    record MapKey(int mul, int add, int mod) implements Stage {
        public MapKey {
            if (mod <= 0) {
                throw new IllegalArgumentException("mod must be positive: " + mod);
            }
        }

        @Override
        public void apply(Ev in, Consumer<Ev> out) {
            out.accept(new Ev(Math.floorMod(in.key() * mul + add, mod), in.value(), in.ts(), in.a(), in.b()));
        }
    }

    /** Drops records with {@code floorMod(value, mod) == rem}. */
    record Filter(int mod, int rem) implements Stage {
        public Filter {
            if (mod <= 0) {
                throw new IllegalArgumentException("mod must be positive: " + mod);
            }
        }

        @Override
        public void apply(Ev in, Consumer<Ev> out) {
            if (Math.floorMod(in.value(), mod) != rem) {
                out.accept(in);
            }
        }
    }

    /** Emits {@code copies} records, the i-th with {@code value + i} (0 copies drops the record). */
    record FlatMap(int copies) implements Stage {
        public FlatMap {
            if (copies < 0) {
                throw new IllegalArgumentException("copies must not be negative: " + copies);
            }
        }

        @Override
        public void apply(Ev in, Consumer<Ev> out) {
            for (int i = 0; i < copies; i++) {
                out.accept(new Ev(in.key(), in.value() + i, in.ts(), in.a(), in.b()));
            }
        }
    }

    /** Applies {@code stages} in order to one record. */
    static void applyAll(List<Stage> stages, Ev in, Consumer<Ev> out) {
        applyFrom(stages, 0, in, out);
    }

    private static void applyFrom(List<Stage> stages, int index, Ev in, Consumer<Ev> out) {
        if (index == stages.size()) {
            out.accept(in);
            return;
        }
        stages.get(index).apply(in, e -> applyFrom(stages, index + 1, e, out));
    }
}
