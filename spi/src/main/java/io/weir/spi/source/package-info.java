/**
 * The source SPI: a {@link io.weir.spi.source.SplitSource} divides its input into splits; a
 * {@link io.weir.spi.source.SplitEnumerator} hands splits out; a {@link io.weir.spi.source.SplitReader}
 * per parallel subtask reads them without blocking and can report its position for checkpoints.
 */
@Evolving
package io.weir.spi.source;

import io.weir.api.annotation.Evolving;
