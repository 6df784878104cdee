package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.config.ExchangeMode;

import java.util.Objects;

/**
 * Creates {@link Channel}s: the one entry point of this package for the runtime.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread. The new channel must reach its producer
 * and consumer threads through a happens-before edge (starting the threads, or handing the channel
 * over through a concurrent queue), as any object built on one thread and used on others.
 */
public final class Channels {

    private Channels() {
    }

    /**
     * Creates one channel between one producer subtask and one consumer subtask.
     *
     * @param mode     {@link ExchangeMode#OBJECT}: batches of object references through a JCTools SPSC
     *                 queue; {@link ExchangeMode#SERIALIZED}: records encoded by {@code codec} into
     *                 pooled off-heap buffers passed through an Agrona ring buffer
     * @param codec    encodes and decodes the records; required in serialized mode, ignored (may be
     *                 {@code null}) in object mode
     * @param settings capacity, batch size and buffer size
     * @param name     names the channel in error messages, for example {@code "map[0] -> sink[1]"}
     */
    public static Channel create(ExchangeMode mode, Codec<Object> codec, ChannelSettings settings, String name) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(name, "name");
        return switch (mode) {
            case OBJECT -> new SpscObjectChannel(settings, name);
            case SERIALIZED -> new SpscSerializedChannel(
                    Objects.requireNonNull(codec, () -> "channel " + name + ": serialized exchange needs a codec"),
                    settings, name);
        };
    }
}
