package io.weir.runtime.operators.window;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.functions.ProcessWindowFunction;

import java.util.ArrayList;
import java.util.List;

/** A test record: a key and a value; printed as {@code key=value}. */
record Ev(String key, long value) {

    /** Sums values (a new object each time: never modifies its arguments). */
    static final ReduceFunction<Ev> SUM = (a, b) -> new Ev(a.key(), a.value() + b.value());

    /** Counts records and sums their values into {@code "count/sum"}. */
    static final AggregateFunction<Ev, long[], String> COUNT_SUM = new AggregateFunction<>() {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0]++;
            acc[1] += value.value();
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    };

    static Ev of(String key, long value) {
        return new Ev(key, value);
    }

    /** Emits {@code key[start,end):elements}, with the elements in the order the function got them. */
    static <IN> ProcessWindowFunction<IN, String, String, Window> describing() {
        return new ProcessWindowFunction<>() {
            @Override
            public void process(String key, Context context, Iterable<IN> elements, Collector<String> out) {
                List<String> all = new ArrayList<>();
                elements.forEach(e -> all.add(String.valueOf(e)));
                out.collect(key + bounds(context.window()) + ":" + String.join(",", all));
            }
        };
    }

    static String bounds(Window window) {
        return window instanceof TimeWindow tw ? "[" + tw.start() + "," + tw.end() + ")" : "[global]";
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
