package io.weir.api.connector;

import io.weir.api.annotation.Internal;

/** Drops every record (benchmarks). Records are still counted in the operator's metrics. */
@Internal
public record DiscardSink<T>() implements Sink<T> {
}
