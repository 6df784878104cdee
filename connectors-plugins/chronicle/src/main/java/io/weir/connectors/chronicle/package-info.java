/**
 * The {@code chronicle} connector: Chronicle Queue as an embedded, durable, replayable log on one machine, used
 * by Weir the way Kafka is used with Flink. {@link io.weir.connectors.chronicle.ChronicleSource} reads queues
 * (one split per queue, bounded or tailing, resuming exactly at the checkpointed index, optionally read-committed);
 * {@link io.weir.connectors.chronicle.ChronicleSink} writes them exactly-once through the two-phase-commit SPI
 * (transactional data documents plus prepare, commit and fence markers, see
 * {@link io.weir.connectors.chronicle.DocumentDescriptor}).
 */
package io.weir.connectors.chronicle;
