package io.weir.runtime.checkpoint;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The non-keyed ("operator") list state of one operator subtask: named lists of elements, each element
 * encoded on its own, so that on rescaling the elements of every old subtask can be redistributed
 * evenly over the new ones (Flink's even-split redistribution). Sources keep their split positions here,
 * sinks their pending committables.
 *
 * <p>One instance is written during a snapshot ({@link #put}) and one is read during a restore
 * ({@link #get}); elements are encoded at {@code put} time, so the snapshot is consistent as soon as
 * the synchronous part returns.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the task's thread writes it; once complete it is read-only and may be handed to
 * another thread.
 */
public final class OperatorListState {
    private final Map<String, List<byte[]>> lists;

    public OperatorListState() {
        this(new LinkedHashMap<>());
    }

    private OperatorListState(Map<String, List<byte[]>> lists) {
        this.lists = lists;
    }

    /** A state holding the given encoded lists (restores, merges). */
    public static OperatorListState of(Map<String, List<byte[]>> encoded) {
        Map<String, List<byte[]>> copy = new LinkedHashMap<>();
        encoded.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return new OperatorListState(copy);
    }

    /** An empty, read-only state (a fresh start). */
    public static OperatorListState empty() {
        return new OperatorListState(Collections.emptyMap());
    }

    /** Stores list {@code name}, replacing any earlier one. */
    public <T> void put(String name, Codec<T> codec, List<T> elements) {
        List<byte[]> encoded = new ArrayList<>(elements.size());
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(64);
        for (T e : elements) {
            out.reset();
            codec.encode(e, out);
            encoded.add(out.toByteArray());
        }
        lists.put(name, encoded);
    }

    /** Decodes list {@code name}; empty when absent. */
    public <T> List<T> get(String name, Codec<T> codec) {
        List<byte[]> encoded = lists.getOrDefault(name, List.of());
        List<T> out = new ArrayList<>(encoded.size());
        ByteArrayCodecInput in = new ByteArrayCodecInput();
        for (byte[] bytes : encoded) {
            in.reset(bytes, 0, bytes.length);
            out.add(codec.decode(in));
        }
        return out;
    }

    /** The encoded lists, by name (read-only view). */
    public Map<String, List<byte[]>> encoded() {
        return Collections.unmodifiableMap(lists);
    }

    /** {@code true} when no list holds an element. */
    public boolean isEmpty() {
        return lists.values().stream().allMatch(List::isEmpty);
    }
}
