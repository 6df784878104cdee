package io.weir.proptest.job;

/**
 * What a {@link PipelineSource} emits: a record of the branch, or a tick that only carries the watermark
 * that must hold before the next record (ticks are dropped right after the watermark generator).
 *
 * @param tick  {@code true} for a tick
 * @param key   the record's key (0 for a tick)
 * @param value the record's value (0 for a tick)
 * @param ts    the record's event timestamp (0 for a tick)
 * @param wm    the watermark the generator emits when it sees this item
 */
public record SourceItem(boolean tick, int key, long value, long ts, long wm) {
}
