package io.weir.perf.flink;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Nexmark workloads, named as in the run-folder contract ({@code summary.json} "workload"). */
public enum Workload {
    /** Pass-through: every event to the sink. */
    Q0("q0"),
    /** Currency conversion: every bid, price in euro ({@code price * 0.908}). */
    Q1("q1"),
    /** Selection: the bids on auctions whose id is a multiple of 123. */
    Q2("q2"),
    /** Hot items: per sliding window (10 s, every 2 s) the auction(s) with the most bids. */
    Q5("q5"),
    /** Highest bid: per tumbling 10 s window the bid(s) with the highest price. */
    Q7("q7"),
    /** New users: the persons who joined and opened an auction in the same tumbling 10 s window. */
    Q8("q8"),
    /** Sessions: bids per bidder in event-time session windows with a 10 s gap. */
    SESSION("session"),
    /** Per-auction bid count in tumbling 10 s windows. */
    TUMBLING_COUNT("tumbling-count");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    /** The name on the command line and in {@code summary.json}. */
    public String id() {
        return id;
    }

    /** The workload named {@code id}; a clear error naming the choices otherwise. */
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("--workload: unknown workload '" + id + "', expected one of "
                + Arrays.stream(values()).map(Workload::id).collect(Collectors.joining(", ")));
    }
}
