package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicCodecTest {
    enum Op {
        ADD {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        SUB {
            @Override
            int apply(int a, int b) {
                return a - b;
            }
        };

        abstract int apply(int a, int b);
    }

    record Point(int x, int y) {
    }

    private final CodecRegistry registry = new CodecRegistry();
    private final Codec<Object> dynamic = registry.dynamicCodec();

    private Object roundTrip(Object value) {
        return Codecs.fromBytes(dynamic, Codecs.toBytes(dynamic, value));
    }

    @Test
    void shouldRoundTripValuesOfAnySupportedClass() {
        List<Object> values = List.of(1, 2L, "three", 4.0, true, 'c', Instant.EPOCH, new Point(1, 2),
                new int[0].length, Optional.of(new Point(3, 4)), Op.SUB);
        for (Object v : values) {
            assertThat(roundTrip(v)).isEqualTo(v);
        }
        assertThat((byte[]) roundTrip(new byte[] {1, 2})).containsExactly(1, 2);
    }

    @Test
    void shouldTreatAnyListSetOrMapImplementationAsItsInterface() {
        for (Object v : List.of(List.of(1), new ArrayList<>(List.of("a")), new LinkedList<>(List.of(2L)),
                Set.of("s"), new HashSet<>(Set.of(1)), Map.of("k", 1), new HashMap<>(Map.of(1, "v")))) {
            assertThat(roundTrip(v)).isEqualTo(v);
        }
        assertThat(registry.dynamicCodec()).isSameAs(dynamic);
        int listId = ((DynamicCodec) dynamic).idOf(List.class);
        assertThat(((DynamicCodec) dynamic).idOf(ArrayList.class)).isEqualTo(listId);
        assertThat(((DynamicCodec) dynamic).idOf(LinkedList.class)).isEqualTo(listId);
    }

    @Test
    void shouldTreatAnEnumConstantWithABodyAsItsEnum() {
        assertThat(Op.ADD.getClass()).isNotEqualTo(Op.class);
        assertThat(roundTrip(Op.ADD)).isSameAs(Op.ADD);
        assertThat(((DynamicCodec) dynamic).idOf(Op.ADD.getClass())).isEqualTo(((DynamicCodec) dynamic).idOf(Op.class));
    }

    @Test
    void shouldKeepIdsStableAndDistinct() {
        byte[] first = Codecs.toBytes(dynamic, "x");
        Codecs.toBytes(dynamic, 1);
        Codecs.toBytes(dynamic, new Point(0, 0));
        assertThat(Codecs.toBytes(dynamic, "x")).containsExactly(first);
        DynamicCodec codec = (DynamicCodec) dynamic;
        assertThat(List.of(codec.idOf(String.class), codec.idOf(Integer.class), codec.idOf(Point.class)))
                .containsExactly(0, 1, 2);
    }

    @Test
    void shouldKeepIdsWhenACodecIsRegisteredLater() {
        byte[] before = Codecs.toBytes(dynamic, new Point(1, 2));
        registry.register(Point.class, new Codec<>() {
            @Override
            public void encode(Point value, CodecOutput out) {
                out.writeVarInt(value.x());
                out.writeVarInt(value.y());
            }

            @Override
            public Point decode(CodecInput in) {
                return new Point(in.readVarInt(), in.readVarInt());
            }
        });
        byte[] after = Codecs.toBytes(dynamic, new Point(1, 2));
        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after).hasSize(3);
        assertThat(roundTrip(new Point(1, 2))).isEqualTo(new Point(1, 2));
    }

    @Test
    void shouldRejectAnUnknownId() {
        Codecs.toBytes(dynamic, "assigns id 0");
        assertThatThrownBy(() -> Codecs.fromBytes(dynamic, new byte[] {7, 0}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown dynamic type id 7")
                .hasMessageContaining("assigned 1 ids");
    }

    @Test
    void shouldRejectAClassWithoutCodecWithoutAssigningItAnId() {
        assertThatThrownBy(() -> Codecs.toBytes(dynamic, new Object()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("no codec for type java.lang.Object (used by the dynamic codec)");
        assertThat(((DynamicCodec) dynamic).idOf(String.class)).isZero();
    }

    @Test
    void shouldAgreeOnIdsAcrossThreads() throws Exception {
        List<Class<?>> types = List.of(String.class, Integer.class, Long.class, Point.class, Op.class, Double.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    for (Object v : List.of("s", 1, 2L, new Point(1, 1), Op.ADD, 0.5)) {
                        assertThat(roundTrip(v)).isEqualTo(v);
                    }
                    return null;
                });
            }
            for (Future<Object> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        DynamicCodec codec = (DynamicCodec) dynamic;
        assertThat(types.stream().map(codec::idOf).distinct().sorted().toList()).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
