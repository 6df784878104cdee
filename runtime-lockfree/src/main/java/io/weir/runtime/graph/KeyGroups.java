package io.weir.runtime.graph;

/**
 * Key-group arithmetic, identical to Apache Flink's {@code KeyGroupRangeAssignment}, so that a key lands
 * in the same key group and subtask on Weir as on Flink: key group = murmur(key.hashCode()) mod
 * maxParallelism; subtask = keyGroup * parallelism / maxParallelism (contiguous ranges of key groups).
 */
public final class KeyGroups {
    private KeyGroups() {
    }

    /** The key group of {@code key}. */
    public static int keyGroupFor(Object key, int maxParallelism) {
        return murmurHash(key.hashCode()) % maxParallelism;
    }

    /** The subtask that owns {@code keyGroup}. */
    public static int subtaskForKeyGroup(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The subtask that owns {@code key}. */
    public static int subtaskFor(Object key, int maxParallelism, int parallelism) {
        return subtaskForKeyGroup(keyGroupFor(key, maxParallelism), maxParallelism, parallelism);
    }

    /** First key group (inclusive) owned by {@code subtask}. */
    public static int firstKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return (subtask * maxParallelism + parallelism - 1) / parallelism;
    }

    /** Last key group (inclusive) owned by {@code subtask}. */
    public static int lastKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return ((subtask + 1) * maxParallelism - 1) / parallelism;
    }

    /** Murmur3's 32-bit finaliser applied to one int, as Flink's {@code MathUtils.murmurHash}; never negative. */
    static int murmurHash(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        if (code >= 0) {
            return code;
        } else if (code != Integer.MIN_VALUE) {
            return -code;
        } else {
            return 0;
        }
    }
}
