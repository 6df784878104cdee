package io.weir.perf.flink;

import io.weir.connectors.datagen.NexmarkEvent;

/**
 * A Nexmark event with its position in the generated stream, so that a stateless result can name the event it
 * came from (its latency is measured from that event's intended emission time).
 *
 * @param index the event's index: it is {@code generator.event(index)}
 * @param event the event
 */
public record GeneratedEvent(long index, NexmarkEvent event) {
}
