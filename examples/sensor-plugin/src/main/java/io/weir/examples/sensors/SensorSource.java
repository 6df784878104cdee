package io.weir.examples.sensors;

import io.weir.api.codec.Codec;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated temperature readings of {@code sensors} sensors, {@code readings} each, one split per sensor.
 * Reading {@code i} of sensor {@code s} is a pure function of {@code (seed, s, i)}, so a restored reader
 * that resumes at a split's position emits exactly what the failed one would have.
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by the enumerator and the readers.
 *
 * @param sensors    how many sensors (splits)
 * @param readings   readings per sensor
 * @param seed       seed of the temperatures
 * @param startTime  event time of the first reading, epoch milliseconds
 * @param intervalMs event time between two readings of a sensor
 */
public record SensorSource(int sensors, long readings, long seed, long startTime, long intervalMs)
        implements SplitSource<SensorReading, SensorSplit> {

    public SensorSource {
        if (sensors < 1 || readings < 0 || intervalMs < 0) {
            throw new IllegalArgumentException("sensors must be at least 1 and readings and interval not negative: "
                    + sensors + ", " + readings + ", " + intervalMs);
        }
    }

    /** Reading {@code index} of sensor {@code sensor}. */
    public SensorReading reading(int sensor, long index) {
        long h = mix(seed * 31 + sensor) ^ mix(index);
        double celsius = 15 + sensor + (mix(h) % 1000) / 100.0;
        return new SensorReading("sensor-" + sensor, index, startTime + index * intervalMs, celsius);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return Math.abs((x ^ (x >>> 33)) % 1_000_000_007L);
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<SensorSplit> createEnumerator(EnumeratorContext<SensorSplit> context) {
        List<SensorSplit> all = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            all.add(new SensorSplit(s, 0, readings));
        }
        return StaticSplitEnumerator.inOrder(context, all);
    }

    @Override
    public SplitEnumerator<SensorSplit> restoreEnumerator(EnumeratorContext<SensorSplit> context,
                                                          List<SensorSplit> unassignedSplits) {
        return StaticSplitEnumerator.inOrder(context, unassignedSplits);
    }

    @Override
    public SplitReader<SensorReading, SensorSplit> createReader(ReaderContext context) {
        return new SensorReader(this, context);
    }

    @Override
    public Codec<SensorSplit> splitCodec() {
        return SensorSplit.CODEC;
    }

    @Override
    public Class<SensorReading> producedType() {
        return SensorReading.class;
    }
}
