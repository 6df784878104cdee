package io.weir.state.heap;

import io.weir.api.codec.Codec;
import io.weir.api.config.Configuration;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.StateBackendFactory;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static io.weir.state.heap.HeapBackends.backend;
import static io.weir.state.heap.HeapBackends.longValues;
import static io.weir.state.heap.HeapBackends.stringIntMaps;
import static io.weir.state.heap.HeapBackends.stringLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeapStoresTest {
    private final HeapKeyedStateBackend backend = backend(4, 7);

    @Test
    void shouldBeFoundByServiceLoaderUnderTheNameHeap() {
        List<String> names = ServiceLoader.load(StateBackendFactory.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).contains("heap");
        assertThat(new HeapStateBackendFactory().create(new Configuration())).isInstanceOf(HeapStateBackend.class);
    }

    @Test
    void shouldKeepOneValuePerKeyAndNamespace() {
        ValueStore<String, Long> store = backend.valueStore(longValues("v"));
        backend.setCurrentKey("a", 4);
        store.put("n1", 1L);
        store.put("n2", 2L);
        backend.setCurrentKey("b", 5);
        store.put("n1", 10L);

        assertThat(store.get("n1")).isEqualTo(10L);
        assertThat(store.get("n2")).isNull();
        backend.setCurrentKey("a", 4);
        assertThat(store.get("n1")).isEqualTo(1L);
        assertThat(store.get("n2")).isEqualTo(2L);
        store.clear("n1");
        assertThat(store.get("n1")).isNull();
        assertThat(store.get("n2")).isEqualTo(2L);
    }

    @Test
    void shouldKeepTheValueObjectItselfWithoutCopying() {
        ValueStore<String, List<String>> store = backend.valueStore(
                new ValueStoreSpec<>("objects", HeapBackends.codec(String.class), listCodec()));
        List<String> value = new ArrayList<>(List.of("x"));
        backend.setCurrentKey("a", 4);
        store.put("n", value);
        assertThat(store.get("n")).isSameAs(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Codec<List<String>> listCodec() {
        return (Codec) HeapBackends.CODECS.codecFor(List.class);
    }

    @Test
    void shouldPutEntriesOnlyIntoTheKeyGroupOfTheirKey() {
        ValueStore<String, Long> store = backend.valueStore(longValues("v"));
        backend.setCurrentKey("a", 4);
        store.put("n", 1L);
        backend.setCurrentKey("b", 6);
        store.put("n", 2L);
        store.put("m", 3L);

        assertThat(keys(store.cursor(4))).containsExactly("a/n");
        assertThat(keys(store.cursor(5))).isEmpty();
        assertThat(keys(store.cursor(6))).containsExactlyInAnyOrder("b/n", "b/m");
        assertThat(keys(store.cursor(7))).isEmpty();
    }

    @Test
    void shouldRejectAKeyGroupTheBackendDoesNotOwn() {
        assertThatThrownBy(() -> backend.setCurrentKey("a", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key group 3").hasMessageContaining("[4, 7]");
        ValueStore<String, Long> store = backend.valueStore(longValues("v"));
        assertThatThrownBy(() -> store.cursor(8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key group 8");
    }

    @Test
    void shouldRejectStoreAccessWithoutACurrentKey() {
        ValueStore<String, Long> store = backend.valueStore(longValues("counts"));
        assertThatThrownBy(() -> store.get("n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'counts'")
                .hasMessageContaining("without a current key");
    }

    @Test
    void shouldReturnTheSameStoreForTheSameNameAndRefuseAnotherKind() {
        ValueStore<String, Long> store = backend.valueStore(longValues("s"));
        assertThat(backend.valueStore(longValues("s"))).isSameAs(store);
        assertThatThrownBy(() -> backend.listStore(stringLists("s")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s' is a value store").hasMessageContaining("list store");
        assertThat(backend.stores()).containsExactly(store);
    }

    @Test
    void shouldAppendToListsAndRemoveEmptiedOnes() {
        ListStore<String, String> store = backend.listStore(stringLists("l"));
        backend.setCurrentKey("k", 5);
        assertThat(store.get("n")).isNull();
        store.add("n", "a");
        store.addAll("n", List.of("b", "c"));
        store.addAll("n", List.of());
        assertThat(store.get("n")).containsExactly("a", "b", "c");
        store.update("n", List.of("x"));
        assertThat(store.get("n")).containsExactly("x");
        store.update("n", List.of());
        assertThat(store.get("n")).isNull();
        assertThat(keys(store.cursor(5))).isEmpty();
    }

    @Test
    void shouldRefuseNullListElements() {
        ListStore<String, String> store = backend.listStore(stringLists("l"));
        backend.setCurrentKey("k", 5);
        assertThatThrownBy(() -> store.add("n", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'l'");
        assertThatThrownBy(() -> store.addAll("n", java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(store.get("n")).isNull();
    }

    @Test
    void shouldKeepMapsPerKeyAndRemoveTheEntryWithItsLastMapKey() {
        MapStore<String, String, Integer> store = backend.mapStore(stringIntMaps("m"));
        backend.setCurrentKey("k", 7);
        store.put("n", "x", 1);
        store.putAll("n", Map.of("y", 2, "z", 3));
        store.put("n", "nothing", null);
        assertThat(store.get("n", "y")).isEqualTo(2);
        assertThat(store.contains("n", "nothing")).isTrue();
        assertThat(store.get("n", "nothing")).isNull();
        assertThat(store.isEmpty("n")).isFalse();
        assertThat(store.isEmpty("other")).isTrue();

        for (String k : List.of("x", "y", "z", "nothing")) {
            store.remove("n", k);
        }
        assertThat(store.isEmpty("n")).isTrue();
        assertThat(keys(store.cursor(7))).isEmpty();
    }

    @Test
    void shouldRemoveTheMapEntryWhenItsIteratorRemovesTheLastMapKey() {
        MapStore<String, String, Integer> store = backend.mapStore(stringIntMaps("m"));
        backend.setCurrentKey("k", 7);
        store.put("n", "x", 1);
        store.put("n", "y", 2);
        Map<String, Integer> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, Integer>> it = store.iterator("n"); it.hasNext(); ) {
            Map.Entry<String, Integer> e = it.next();
            seen.put(e.getKey(), e.getValue());
            it.remove();
        }
        assertThat(seen).isEqualTo(Map.of("x", 1, "y", 2));
        assertThat(keys(store.cursor(7))).isEmpty();
        assertThat(store.iterator("n").hasNext()).isFalse();
    }

    @Test
    void shouldLetACursorSkipEntriesRemovedAfterItStarted() {
        ValueStore<String, Long> store = backend.valueStore(longValues("v"));
        backend.setCurrentKey("a", 4);
        store.put("n1", 1L);
        store.put("n2", 2L);
        store.put("n3", 3L);
        EntryCursor<String, Long> cursor = store.cursor(4);
        store.clear("n2");
        List<String> seen = new ArrayList<>();
        while (cursor.next()) {
            seen.add(cursor.namespace());
        }
        assertThat(seen).containsExactlyInAnyOrder("n1", "n3");
        assertThatThrownBy(cursor::key).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRemoveAndUpdateThroughTheCursor() {
        ListStore<String, String> store = backend.listStore(stringLists("l"));
        backend.setCurrentKey("a", 4);
        store.addAll("keep", List.of("1", "2"));
        store.add("drop", "x");
        store.add("empty", "y");
        EntryCursor<String, List<String>> cursor = store.cursor(4);
        while (cursor.next()) {
            switch (cursor.namespace()) {
                case "keep" -> cursor.update(List.of("2"));
                case "drop" -> cursor.remove();
                default -> cursor.update(List.of());
            }
        }
        assertThat(store.get("keep")).containsExactly("2");
        assertThat(store.get("drop")).isNull();
        assertThat(store.get("empty")).isNull();
        assertThat(keys(store.cursor(4))).containsExactly("a/keep");
    }

    @Test
    void shouldDropEverythingOnClose() {
        KeyedStateBackend b = backend;
        ValueStore<String, Long> store = b.valueStore(longValues("v"));
        b.setCurrentKey("a", 4);
        store.put("n", 1L);
        b.close();
        assertThat(b.stores()).isEmpty();
        assertThatThrownBy(() -> b.valueStore(longValues("v"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static List<String> keys(EntryCursor<String, ?> cursor) {
        List<String> keys = new ArrayList<>();
        while (cursor.next()) {
            keys.add(cursor.key() + "/" + cursor.namespace());
        }
        return keys;
    }
}
