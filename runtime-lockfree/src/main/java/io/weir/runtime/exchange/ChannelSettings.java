package io.weir.runtime.exchange;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;

/**
 * The sizes that shape one channel, read from {@link ExecutionOptions}.
 *
 * @param capacity   batches (object mode) or buffers (serialized mode) the channel holds between
 *                   producer and consumer; a power of two ({@code exchange.channel-capacity}).
 *                   The queues underneath have a minimum size (4 batches, 8 buffers): the real
 *                   capacity is reported by {@link Channel#capacity()}
 * @param batchSize  elements per batch in object mode ({@code exchange.batch-size})
 * @param bufferSize bytes per off-heap buffer in serialized mode; one encoded element must fit in
 *                   one buffer ({@code exchange.buffer-size})
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
public record ChannelSettings(int capacity, int batchSize, int bufferSize) {

    /** The smallest buffer: large enough for every control event and a record header. */
    public static final int MIN_BUFFER_SIZE = 64;

    public ChannelSettings {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("'" + ExecutionOptions.CHANNEL_CAPACITY.key()
                    + "' must be a power of two >= 1, but is " + capacity);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("'" + ExecutionOptions.BATCH_SIZE.key()
                    + "' must be >= 1, but is " + batchSize);
        }
        if (bufferSize < MIN_BUFFER_SIZE) {
            throw new IllegalArgumentException("'" + ExecutionOptions.BUFFER_SIZE.key()
                    + "' must be >= " + MIN_BUFFER_SIZE + " bytes, but is " + bufferSize);
        }
    }

    /** The settings that {@code configuration} holds (defaults for options it does not set). */
    public static ChannelSettings from(Configuration configuration) {
        return new ChannelSettings(configuration.get(ExecutionOptions.CHANNEL_CAPACITY),
                configuration.get(ExecutionOptions.BATCH_SIZE),
                configuration.get(ExecutionOptions.BUFFER_SIZE));
    }

    /** The default settings of {@link ExecutionOptions}. */
    public static ChannelSettings defaults() {
        return from(new Configuration());
    }
}
