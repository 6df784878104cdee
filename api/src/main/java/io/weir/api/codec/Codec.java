package io.weir.api.codec;

import io.weir.api.annotation.Stable;

/**
 * Turns values of one type into bytes and back: used by the serialized exchange between tasks, by
 * state backends for keys and values, and by checkpoints.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code decode(encode(v))} equals {@code v} (by {@code equals}) for every value the codec
 *       accepts; a codec documents which values it refuses (for example {@code null}).</li>
 *   <li>A codec is stateless, or its state is read-only after construction: one instance is shared
 *       by every thread of a job.</li>
 *   <li>{@code encode} writes only through the given {@link CodecOutput} and {@code decode} reads
 *       exactly the bytes that {@code encode} wrote, no more, no less.</li>
 *   <li>Neither method may keep a reference to the output or input after it returns.</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Called concurrently from many task threads; implementations must be thread-safe (stateless
 * implementations are).
 *
 * @param <T> the type of value
 */
@Stable
public interface Codec<T> {

    /** Writes {@code value} to {@code out}. */
    void encode(T value, CodecOutput out);

    /** Reads one value, written by {@link #encode}, from {@code in}. */
    T decode(CodecInput in);

    /**
     * The exact number of bytes every value takes, or {@code -1} when it varies. Lets the runtime
     * reserve space without encoding twice.
     */
    default int fixedSize() {
        return -1;
    }
}
