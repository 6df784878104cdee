/**
 * The sink SPI: a {@link io.weir.spi.sink.WriterSink} creates one {@link io.weir.spi.sink.SinkWriter} per parallel
 * subtask; a {@link io.weir.spi.sink.TwoPhaseCommitSink} adds pre-commit at checkpoints and a committer for exactly-once.
 */
@Evolving
package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
