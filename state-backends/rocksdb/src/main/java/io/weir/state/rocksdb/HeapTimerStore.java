package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import io.weir.spi.state.TimerStoreSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timers on the JVM heap beside RocksDB state ({@code state.rocksdb.timers=heap}, as Flink allows): a
 * binary heap by (timestamp, registration order) whose entries know their position, so that a removal
 * is {@code O(log n)}, and a hash map for deduplication. Snapshots encode the timers as timer rows
 * ({@link TimerRows}), like the RocksDB timer store's, so that checkpoints move between both.
 */
final class HeapTimerStore<N> implements TimerStore<N> {
    /** A timer's identity. */
    private record Id(Object key, Object namespace, long timestamp) {
    }

    /** A timer in the heap. */
    private static final class Node<N> implements TimerEntry<N> {
        final Object key;
        final N namespace;
        final long timestamp;
        final int keyGroup;
        final long order;
        int position;

        Node(Object key, N namespace, long timestamp, int keyGroup, long order) {
            this.key = key;
            this.namespace = namespace;
            this.timestamp = timestamp;
            this.keyGroup = keyGroup;
            this.order = order;
        }

        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public Object key() {
            return key;
        }

        @Override
        public N namespace() {
            return namespace;
        }

        boolean before(Node<?> other) {
            return timestamp < other.timestamp || (timestamp == other.timestamp && order < other.order);
        }
    }

    private final RocksDbKeyedStateBackend backend;
    private final TimerStoreSpec<N> spec;
    private final Map<Id, Node<N>> index = new HashMap<>();
    private Node<N>[] heap = newArray(16);
    private int size;
    private long registrations;

    HeapTimerStore(RocksDbKeyedStateBackend backend, TimerStoreSpec<N> spec) {
        this.backend = backend;
        this.spec = spec;
    }

    @SuppressWarnings("unchecked")
    private static <N> Node<N>[] newArray(int length) {
        return (Node<N>[]) new Node<?>[length];
    }

    @Override
    public TimerStoreSpec<N> spec() {
        return spec;
    }

    private Id idOf(N namespace, long timestamp) {
        backend.requireKey("timer store '" + spec.name() + "'");
        return new Id(backend.currentKey(), namespace, timestamp);
    }

    @Override
    public boolean add(N namespace, long timestamp) {
        Id id = idOf(namespace, timestamp);
        if (index.containsKey(id)) {
            return false;
        }
        insert(new Node<>(id.key(), namespace, timestamp, backend.currentKeyGroup(), registrations++), id);
        return true;
    }

    private void insert(Node<N> node, Id id) {
        index.put(id, node);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = node;
        node.position = size++;
        up(node.position);
    }

    @Override
    public boolean remove(N namespace, long timestamp) {
        Node<N> node = index.remove(idOf(namespace, timestamp));
        if (node == null) {
            return false;
        }
        removeAt(node.position);
        return true;
    }

    @Override
    public boolean contains(N namespace, long timestamp) {
        return index.containsKey(idOf(namespace, timestamp));
    }

    @Override
    public long peekTimestamp() {
        return size == 0 ? Long.MAX_VALUE : heap[0].timestamp;
    }

    @Override
    public TimerEntry<N> poll(long maxTimestamp) {
        if (size == 0 || heap[0].timestamp > maxTimestamp) {
            return null;
        }
        Node<N> node = heap[0];
        removeAt(0);
        index.remove(new Id(node.key, node.namespace, node.timestamp));
        return new Timer<>(node.timestamp, node.key, node.namespace);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<TimerEntry<N>> timers(int keyGroup) {
        backend.requireOwned(keyGroup);
        List<TimerEntry<N>> timers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (heap[i].keyGroup == keyGroup) {
                timers.add(new Timer<>(heap[i].timestamp, heap[i].key, heap[i].namespace));
            }
        }
        return timers;
    }

    /** The timers as they are now, encoded into timer rows later (nodes are immutable but for their position). */
    TimerRows capture() {
        Node<N>[] nodes = Arrays.copyOf(heap, size);
        Codec<Object> keyCodec = backend.keyCodec();
        Codec<N> namespaceCodec = spec.namespaceCodec();
        return TimerRows.lazy(Catalog.Entry.of(spec), () -> {
            ByteArrayCodecOutput row = new ByteArrayCodecOutput(64);
            ByteArrayCodecOutput key = new ByteArrayCodecOutput(32);
            ByteArrayCodecOutput namespace = new ByteArrayCodecOutput(32);
            List<byte[]> rows = new ArrayList<>(nodes.length);
            for (Node<N> n : nodes) {
                key.reset();
                keyCodec.encode(n.key, key);
                namespace.reset();
                namespaceCodec.encode(n.namespace, namespace);
                rows.add(RowLayout.timerRow(row, n.keyGroup, n.timestamp, key.array(), key.size(), namespace.array(),
                        namespace.size()));
            }
            return rows;
        });
    }

    /** Adds restored timers (rows of this backend's key groups), in row order. */
    void load(TimerRows restored) {
        RowLayout.Parts parts = new RowLayout.Parts();
        Codec<Object> keyCodec = backend.keyCodec();
        List<byte[]> rows = new ArrayList<>(restored.rows());
        rows.sort(RowLayout::compare);
        for (byte[] r : rows) {
            parts.parse(r, RowLayout.TIMER_KEY_OFFSET);
            Object key = keyCodec.decode(new ByteArrayCodecInput(r, parts.keyOffset, parts.keyLength));
            N namespace = spec.namespaceCodec().decode(
                    new ByteArrayCodecInput(r, parts.namespaceOffset, parts.namespaceLength));
            long timestamp = RowLayout.timestamp(r);
            Id id = new Id(key, namespace, timestamp);
            if (!index.containsKey(id)) {
                insert(new Node<>(key, namespace, timestamp, RowLayout.keyGroup(r), registrations++), id);
            }
        }
    }

    private void removeAt(int at) {
        heap[at].position = -1;
        size--;
        if (at < size) {
            heap[at] = heap[size];
            heap[at].position = at;
            up(at);
            down(heap[at].position);
        }
        heap[size] = null;
    }

    private void up(int at) {
        Node<N> node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!node.before(heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            heap[at].position = at;
            at = parent;
        }
        heap[at] = node;
        node.position = at;
    }

    private void down(int at) {
        Node<N> node = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(node)) {
                break;
            }
            heap[at] = heap[child];
            heap[at].position = at;
            at = child;
        }
        heap[at] = node;
        node.position = at;
    }
}
