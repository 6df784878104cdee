package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    enum Status { NEW, PAID, SHIPPED }

    record Primitives(boolean z, byte b, short s, char c, int i, long l, float f, double d) {
    }

    record Boxes(Boolean z, Byte b, Short s, Character c, Integer i, Long l, Float f, Double d) {
    }

    record Address(String street, int zip) {
    }

    record Customer(String name, Address address, Status tier) {
    }

    record Line(String sku, int quantity, double price) {
    }

    record Order(long id, Customer customer, List<Line> lines, Set<String> tags, Map<String, Integer> counts,
            Optional<String> note, Instant at, Status status) {
    }

    record Nested(List<List<Integer>> matrix, Map<Status, List<Address>> byStatus, Optional<Optional<Address>> deep,
            String[] names, Address[] addresses, int[] ints, List<int[]> arrays) {
    }

    record Pair<A, B>(A first, B second) {
    }

    record Holder(Pair<String, Integer> pair, List<Pair<Status, Address>> pairs, List<?> anything) {
    }

    record Tree(String label, List<Tree> children) {
    }

    record Empty() {
    }

    sealed interface Shape permits Circle, Square, Polygon {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    sealed interface Polygon extends Shape permits Triangle, Pentagon {
    }

    record Triangle(double a, double b, double c) implements Polygon {
    }

    enum Pentagon implements Polygon {
        REGULAR {
            @Override
            public String toString() {
                return "regular";
            }
        },
        IRREGULAR
    }

    record Drawing(List<Shape> shapes, Shape main) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive: " + value);
            }
        }
    }

    private static final class Secret {
        private record Hidden(String x, long y) {
        }
    }

    record Guarded(String secret) {
        @Override
        public String secret() {
            throw new IllegalStateException("secret is not readable");
        }
    }

    sealed static class Animal permits Dog {
    }

    static final class Dog extends Animal {
    }

    record Zoo(Animal star) {
    }

    private final CodecRegistry registry = new CodecRegistry();

    private <T> T roundTrip(Class<T> type, T value) {
        Codec<T> codec = registry.codecFor(type);
        byte[] bytes = Codecs.toBytes(codec, value);
        if (codec.fixedSize() >= 0) {
            assertThat(bytes).hasSize(codec.fixedSize());
        }
        return Codecs.fromBytes(codec, bytes);
    }

    @Test
    void shouldRoundTripPrimitiveComponentsWithAFixedSize() {
        Primitives p = new Primitives(true, (byte) -3, (short) 300, 'é', -7, Long.MIN_VALUE, 1.5f, Math.PI);
        assertThat(roundTrip(Primitives.class, p)).isEqualTo(p);
        assertThat(registry.codecFor(Primitives.class).fixedSize()).isEqualTo(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8);
    }

    @Test
    void shouldRoundTripBoxedComponentsIncludingNulls() {
        Boxes full = new Boxes(false, (byte) 1, (short) 2, 'x', 1000, 5L, 0.5f, -0.25);
        Boxes empty = new Boxes(null, null, null, null, null, null, null, null);
        assertThat(roundTrip(Boxes.class, full)).isEqualTo(full);
        assertThat(roundTrip(Boxes.class, empty)).isEqualTo(empty);
        assertThat(Codecs.toBytes(registry.codecFor(Boxes.class), empty)).hasSize(8); // one presence byte each
    }

    @Test
    void shouldRoundTripNestedRecordsEnumsCollectionsAndOptionals() {
        Order order = new Order(42, new Customer("Ada", new Address("Main St", 12345), Status.PAID),
                List.of(new Line("a-1", 2, 9.99), new Line("b-2", 1, 0.5)),
                new TreeSet<>(Set.of("gift", "express")), new TreeMap<>(Map.of("x", 1, "y", 2)),
                Optional.of("leave at door"), Instant.ofEpochSecond(1_700_000_000, 5), Status.SHIPPED);
        Order decoded = roundTrip(Order.class, order);
        assertThat(decoded).isEqualTo(order);
        assertThat(decoded.tags()).containsExactly("express", "gift"); // iteration order is kept
    }

    @Test
    void shouldRoundTripNullsInEveryReferenceComponent() {
        Order order = new Order(1, null, null, null, null, null, null, null);
        assertThat(roundTrip(Order.class, order)).isEqualTo(order);
        Order partial = new Order(2, new Customer(null, null, null), Arrays.asList(null, new Line(null, 0, 0)),
                Set.of(), new java.util.HashMap<>(Map.of("k", 1)), Optional.empty(), Instant.EPOCH, Status.NEW);
        partial.counts().put(null, null);
        assertThat(roundTrip(Order.class, partial)).isEqualTo(partial);
    }

    @Test
    void shouldRoundTripDeeplyGenericComponentsAndArrays() {
        Nested nested = new Nested(List.of(List.of(1, 2), List.of(), Arrays.asList(3, null)),
                Map.of(Status.NEW, List.of(new Address("a", 1)), Status.PAID, List.of()),
                Optional.of(Optional.of(new Address("b", 2))),
                new String[] {"x", null, "z"}, new Address[] {new Address("c", 3), null}, new int[] {1, 2},
                new LinkedList<>(List.of(new int[] {7}, new int[0])));
        Nested decoded = roundTrip(Nested.class, nested);
        assertThat(decoded.matrix()).isEqualTo(nested.matrix());
        assertThat(decoded.byStatus()).isEqualTo(nested.byStatus());
        assertThat(decoded.deep()).isEqualTo(nested.deep());
        assertThat(decoded.names()).containsExactly("x", null, "z");
        assertThat(decoded.addresses()).containsExactly(new Address("c", 3), null);
        assertThat(decoded.ints()).containsExactly(1, 2);
        assertThat(decoded.arrays()).hasSize(2);
        assertThat(decoded.arrays().get(0)).containsExactly(7);
        assertThat(decoded.arrays().get(1)).isEmpty();
    }

    @Test
    void shouldRoundTripGenericRecordsThroughTheDynamicCodec() {
        Holder holder = new Holder(new Pair<>("one", 1),
                List.of(new Pair<>(Status.NEW, new Address("d", 4)), new Pair<>(null, null)),
                List.of("text", 5L, new Address("e", 5), List.of(1, 2), Status.PAID));
        assertThat(roundTrip(Holder.class, holder)).isEqualTo(holder);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Pair<Object, Object>> pairType = (Class) Pair.class;
        Pair<Object, Object> mixed = new Pair<>(new int[] {1}, Optional.of("o"));
        Pair<Object, Object> decoded = roundTrip(pairType, mixed);
        assertThat((int[]) decoded.first()).containsExactly(1);
        assertThat(decoded.second()).isEqualTo(Optional.of("o"));
    }

    @Test
    void shouldRoundTripRecursiveRecords() {
        Tree tree = new Tree("root", List.of(new Tree("a", List.of()), new Tree("b", List.of(new Tree("c", null)))));
        assertThat(roundTrip(Tree.class, tree)).isEqualTo(tree);
    }

    @Test
    void shouldRoundTripSealedHierarchiesIncludingEnumConstantsWithBodies() {
        Drawing drawing = new Drawing(
                List.of(new Circle(1), new Square(2), new Triangle(3, 4, 5), Pentagon.REGULAR, Pentagon.IRREGULAR),
                new Circle(0.5));
        assertThat(roundTrip(Drawing.class, drawing)).isEqualTo(drawing);
        assertThat(roundTrip(Shape.class, Pentagon.REGULAR)).isSameAs(Pentagon.REGULAR);
    }

    @Test
    void shouldRoundTripEmptyAndPrivateRecords() {
        assertThat(roundTrip(Empty.class, new Empty())).isEqualTo(new Empty());
        assertThat(registry.codecFor(Empty.class).fixedSize()).isZero();
        Secret.Hidden hidden = new Secret.Hidden("psst", 9);
        assertThat(roundTrip(Secret.Hidden.class, hidden)).isEqualTo(hidden);
    }

    @Test
    void shouldRoundTripLocalRecords() {
        record Local(String name, List<Long> values) {
        }
        Local local = new Local("l", new ArrayList<>(List.of(1L, 2L)));
        assertThat(roundTrip(Local.class, local)).isEqualTo(local);
    }

    @Test
    void shouldEncodeEnumsAsOneByteOrdinals() {
        Codec<Status> codec = registry.codecFor(Status.class);
        assertThat(codec.fixedSize()).isEqualTo(1);
        assertThat(Codecs.toBytes(codec, Status.SHIPPED)).containsExactly(2);
        for (Status s : Status.values()) {
            assertThat(roundTrip(Status.class, s)).isSameAs(s);
        }
    }

    @Test
    void shouldRejectAnOutOfRangeEnumOrdinal() {
        Codec<Status> codec = registry.codecFor(Status.class);
        assertThatThrownBy(() -> Codecs.fromBytes(codec, new byte[] {3}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("bad ordinal 3 for enum " + Status.class.getName())
                .hasMessageContaining("3 constants");
    }

    @Test
    void shouldRejectAnOutOfRangeSealedSubclassIndex() {
        Codec<Shape> codec = registry.codecFor(Shape.class);
        assertThatThrownBy(() -> Codecs.fromBytes(codec, new byte[] {9}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("bad subclass index 9 for sealed " + Shape.class.getName());
    }

    @Test
    void shouldNameTheRecordWhenItsConstructorRejectsDecodedValues() {
        Codec<Positive> codec = registry.codecFor(Positive.class);
        assertThatThrownBy(() -> Codecs.fromBytes(codec, new byte[] {0, 0, 0, 0}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("cannot decode record " + Positive.class.getName())
                .hasMessageContaining("value must be positive: 0");
    }

    @Test
    void shouldReportTruncatedRecordInput() {
        Codec<Line> codec = registry.codecFor(Line.class);
        byte[] bytes = Codecs.toBytes(codec, new Line("abc", 1, 2.0));
        assertThatThrownBy(() -> Codecs.fromBytes(codec, Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("needed 8 bytes at position 9")
                .hasMessageContaining("3 bytes missing");
    }

    @Test
    void shouldRefuseANullTopLevelValue() {
        assertThatThrownBy(() -> Codecs.toBytes(registry.codecFor(Line.class), null))
                .isInstanceOf(NullPointerException.class);
        Codec<Line> nullable = Codecs.nullable(registry.codecFor(Line.class));
        assertThat(Codecs.fromBytes(nullable, Codecs.toBytes(nullable, null))).isNull();
        assertThat(Codecs.nullable(nullable)).isSameAs(nullable);
    }

    @Test
    void shouldUseAHiddenClassWithConstantHandlesThatBehavesLikeThePlainCodec() {
        Codec<Order> spun = registry.codecFor(Order.class);
        assertThat(spun.getClass().isHidden()).isTrue();
        RecordCodec<Order> plain = new RecordCodec<>(Order.class, ((RecordCodec<Order>) spun).encoder(),
                ((RecordCodec<Order>) spun).decoder(), spun.fixedSize());
        Order order = new Order(3, new Customer("Bo", new Address("x", 1), Status.NEW), List.of(new Line("l", 1, 1)),
                Set.of("t"), Map.of("c", 3), Optional.empty(), Instant.EPOCH, Status.PAID);
        byte[] bytes = Codecs.toBytes(spun, order);
        assertThat(Codecs.toBytes(plain, order)).containsExactly(bytes);
        assertThat(Codecs.fromBytes(plain, bytes)).isEqualTo(order);
        assertThat(plain.fixedSize()).isEqualTo(spun.fixedSize());
    }

    @Test
    void shouldPassOnWhatAnAccessorThrows() {
        assertThatThrownBy(() -> Codecs.toBytes(registry.codecFor(Guarded.class), new Guarded("s")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secret is not readable");
    }

    @Test
    void shouldRefuseASealedClassThatHasInstancesOfItsOwn() {
        assertThatThrownBy(() -> registry.codecFor(Zoo.class))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("because Zoo.star: " + Animal.class.getName() + " has none");
    }
}
