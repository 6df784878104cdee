package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PortableDynamicCodecTest {
    enum Op {
        ADD {
            @Override
            int apply(int a) {
                return a + 1;
            }
        };

        abstract int apply(int a);
    }

    enum Color { RED, GREEN }

    record Point(int x, int y) {
    }

    record Pair<A, B>(A first, B second) {
    }

    record Holder(List<?> anything, Map<String, ?> extra) {
    }

    private static Object roundTrip(Codec<Object> writer, Codec<Object> reader, Object value) {
        return Codecs.fromBytes(reader, Codecs.toBytes(writer, value));
    }

    /** A registry whose JVM-local ids were assigned in another order than a fresh one's. */
    private static CodecRegistry warmedUp() {
        CodecRegistry registry = new CodecRegistry();
        for (Object o : List.of(Color.RED, 3.5, new Point(1, 2), "s", 7L, 1, Instant.EPOCH)) {
            Codecs.toBytes(registry.dynamicCodec(), o);
        }
        return registry;
    }

    @Test
    void shouldRoundTripValuesOfEveryKindThroughAFreshRegistry() {
        Codec<Object> writer = warmedUp().portableDynamicCodec();
        Codec<Object> reader = new CodecRegistry().portableDynamicCodec();
        List<Object> values = List.of("text", 42, 7L, 2.5, 1.5f, (short) 3, (byte) 4, 'c', true, Instant.ofEpochSecond(9),
                new Point(1, -1), Color.GREEN, Op.ADD, List.of(1, "two"), Set.of(3), Map.of("k", new Point(5, 6)),
                Optional.of("x"), new Pair<>("a", new Pair<>(1L, Color.RED)), new int[]{1, 2});
        for (Object value : values) {
            Object decoded = roundTrip(writer, reader, value);
            if (value instanceof int[] ints) {
                assertThat((int[]) decoded).containsExactly(ints);
            } else {
                assertThat(decoded).as("%s", value).isEqualTo(value);
            }
        }
    }

    @Test
    void shouldWriteImplementationsOfCollectionsAsTheirInterface() {
        Codec<Object> codec = new CodecRegistry().portableDynamicCodec();
        assertThat(roundTrip(codec, codec, new LinkedList<>(List.of(1, 2)))).isEqualTo(List.of(1, 2));
        assertThat(roundTrip(codec, codec, new TreeMap<>(Map.of("a", 1)))).isEqualTo(Map.of("a", 1));
        assertThat(Codecs.toBytes(codec, new ArrayList<>(List.of(1)))).isEqualTo(Codecs.toBytes(codec, List.of(1)));
    }

    @Test
    void shouldWriteCommonClassesAsATagAndOthersByName() {
        Codec<Object> codec = new CodecRegistry().portableDynamicCodec();
        assertThat(Codecs.toBytes(codec, 5)).hasSize(1 + 4);
        byte[] point = Codecs.toBytes(codec, new Point(1, 2));
        assertThat(new String(point, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(Point.class.getName());
    }

    @Test
    void shouldMakeDerivedCodecsOfThePortableViewPortable() {
        CodecRegistry writer = warmedUp();
        CodecRegistry reader = new CodecRegistry();
        Holder holder = new Holder(List.of(new Point(3, 4), "x"), Map.of("when", Instant.EPOCH));
        byte[] bytes = Codecs.toBytes(writer.portable().codecFor(Holder.class), holder);
        assertThat(Codecs.fromBytes(reader.portable().codecFor(Holder.class), bytes)).isEqualTo(holder);
    }

    @Test
    void shouldNotReadJvmLocalIdsAsTheSameValuesInAnotherRegistry() {
        byte[] local = Codecs.toBytes(warmedUp().dynamicCodec(), new Point(1, 2));
        CodecRegistry fresh = new CodecRegistry();
        Codecs.toBytes(fresh.dynamicCodec(), "first");
        Object decoded;
        try {
            decoded = Codecs.fromBytes(fresh.dynamicCodec(), local);
        } catch (CodecException e) {
            decoded = e;
        }
        assertThat(decoded).isNotEqualTo(new Point(1, 2)); // why snapshots must use the portable codec
    }

    @Test
    void shouldBeItsOwnPortableViewAndShareRegistrations() {
        CodecRegistry registry = new CodecRegistry();
        assertThat(registry.portable().portable()).isSameAs(registry.portable());
        assertThat(registry.portable().dynamicCodec()).isSameAs(registry.portableDynamicCodec());
        assertThat(registry.dynamicCodec()).isNotSameAs(registry.portableDynamicCodec());

        Codec<Object> codec = registry.portableDynamicCodec();
        assertThat(Codecs.toBytes(codec, new Point(1, 2))).hasSizeGreaterThan(8);
        Codec<Point> tiny = new Codec<>() {
            @Override
            public void encode(Point value, CodecOutput out) {
                out.writeByte(value.x());
            }

            @Override
            public Point decode(CodecInput in) {
                return new Point(in.readByte(), 0);
            }
        };
        registry.register(Point.class, tiny);
        assertThat(registry.portable().codecFor(Point.class)).isSameAs(tiny);
        assertThat(roundTrip(codec, codec, new Point(9, 9))).isEqualTo(new Point(9, 0));
    }

    @Test
    void shouldRefuseAnUnknownTagAndAClassThatCannotBeLoaded() {
        Codec<Object> codec = new CodecRegistry().portableDynamicCodec();
        assertThatThrownBy(() -> Codecs.fromBytes(codec, new byte[]{99})).isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown type tag 99");
        ByteArrayCodecOutput out = new ByteArrayCodecOutput();
        out.writeVarInt(0);
        out.writeString("com.example.Missing");
        assertThatThrownBy(() -> Codecs.fromBytes(codec, out.toByteArray())).isInstanceOf(CodecException.class)
                .hasMessageContaining("com.example.Missing");
    }

    @Test
    void shouldRefuseNull() {
        assertThatThrownBy(() -> Codecs.toBytes(new CodecRegistry().portableDynamicCodec(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
