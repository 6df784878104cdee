package io.weir.examples.sensors;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.SourceSplit;

/**
 * The readings of one sensor, {@code next} to {@code end - 1}: the split is the unit of parallel work, and
 * {@code next} is its position, stored in checkpoints. Immutable: a reader reports progress with a new
 * split ({@link #at}).
 *
 * @param sensor the sensor's number
 * @param next   the next reading to emit
 * @param end    the number of readings of the sensor
 */
public record SensorSplit(int sensor, long next, long end) implements SourceSplit {
    /** Stores splits in checkpoints; the byte layout is part of the plugin's checkpoint format. */
    static final Codec<SensorSplit> CODEC = new Codec<>() {
        @Override
        public void encode(SensorSplit split, CodecOutput out) {
            out.writeInt(split.sensor());
            out.writeLong(split.next());
            out.writeLong(split.end());
        }

        @Override
        public SensorSplit decode(CodecInput in) {
            return new SensorSplit(in.readInt(), in.readLong(), in.readLong());
        }
    };

    @Override
    public String splitId() {
        return "sensor-" + sensor;
    }

    /** This split at position {@code position}. */
    SensorSplit at(long position) {
        return new SensorSplit(sensor, position, end);
    }
}
