package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Round trips of many random values, from a fixed seed so that a failure reproduces. */
class RandomizedRoundTripTest {
    private static final long SEED = 0x5eed_c0dec_0deL;
    private static final int VALUES = 2_000;

    enum Kind { A, B, C, D }

    record Inner(String text, Kind kind, Optional<Long> maybe) {
    }

    record Sample(boolean z, byte b, short s, char c, int i, long l, float f, double d, Integer boxed, String text,
            Instant at, Kind kind, Inner inner, List<Inner> inners, Set<Integer> ints, Map<String, Double> map,
            long[] longs, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Sample x && z == x.z && b == x.b && s == x.s && c == x.c && i == x.i && l == x.l
                    && Float.compare(f, x.f) == 0 && Double.compare(d, x.d) == 0
                    && java.util.Objects.equals(boxed, x.boxed) && java.util.Objects.equals(text, x.text)
                    && java.util.Objects.equals(at, x.at) && kind == x.kind && java.util.Objects.equals(inner, x.inner)
                    && java.util.Objects.equals(inners, x.inners) && java.util.Objects.equals(ints, x.ints)
                    && java.util.Objects.equals(map, x.map) && Arrays.equals(longs, x.longs) && Arrays.equals(bytes, x.bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(l);
        }
    }

    private final Random random = new Random(SEED);

    @Test
    void shouldRoundTripRandomRecordsOneByOneAndBackToBack() {
        CodecRegistry registry = new CodecRegistry();
        Codec<Sample> codec = registry.codecFor(Sample.class);
        ByteArrayCodecOutput stream = new ByteArrayCodecOutput(0);
        List<Sample> samples = new ArrayList<>();
        for (int n = 0; n < VALUES; n++) {
            Sample sample = sample();
            samples.add(sample);
            assertThat(Codecs.fromBytes(codec, Codecs.toBytes(codec, sample))).as("sample %d (seed %x)", n, SEED)
                    .isEqualTo(sample);
            codec.encode(sample, stream);
        }
        ByteArrayCodecInput in = new ByteArrayCodecInput(stream.toByteArray());
        for (Sample expected : samples) {
            assertThat(codec.decode(in)).isEqualTo(expected);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void shouldRoundTripRandomValuesThroughTheDynamicCodec() {
        Codec<Object> dynamic = new CodecRegistry().dynamicCodec();
        ByteArrayCodecOutput out = new ByteArrayCodecOutput();
        List<Object> values = new ArrayList<>();
        for (int n = 0; n < VALUES; n++) {
            Object v = switch (random.nextInt(6)) {
                case 0 -> random.nextLong();
                case 1 -> string();
                case 2 -> inner();
                case 3 -> kind();
                case 4 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
                default -> List.of(random.nextInt(), string());
            };
            values.add(v);
            dynamic.encode(v, out);
        }
        ByteArrayCodecInput in = new ByteArrayCodecInput(out.toByteArray());
        for (Object expected : values) {
            assertThat(dynamic.decode(in)).isEqualTo(expected);
        }
        assertThat(in.remaining()).isZero();
    }

    private Sample sample() {
        return new Sample(random.nextBoolean(), (byte) random.nextInt(), (short) random.nextInt(),
                (char) random.nextInt(), random.nextInt(), random.nextLong(),
                random.nextInt(10) == 0 ? Float.NaN : random.nextFloat() * random.nextInt(),
                random.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 1e6,
                maybeNull(random.nextInt()), maybeNull(string()),
                maybeNull(Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40), random.nextInt(1_000_000_000))),
                maybeNull(kind()), maybeNull(inner()), maybeNull(inners()), maybeNull(ints()), maybeNull(map()),
                maybeNull(random.longs(random.nextInt(5)).toArray()), maybeNull(bytes()));
    }

    private <T> T maybeNull(T value) {
        return random.nextInt(8) == 0 ? null : value;
    }

    private String string() {
        int length = random.nextInt(random.nextInt(4) == 0 ? 300 : 12);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append((char) ('a' + random.nextInt(26)));
                case 1 -> sb.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> sb.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
                default -> sb.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
            }
        }
        return sb.toString();
    }

    private Kind kind() {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    private Inner inner() {
        return new Inner(maybeNull(string()), maybeNull(kind()),
                maybeNull(random.nextBoolean() ? Optional.of(random.nextLong()) : Optional.empty()));
    }

    private List<Inner> inners() {
        List<Inner> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(maybeNull(inner()));
        }
        return list;
    }

    private Set<Integer> ints() {
        Set<Integer> set = new LinkedHashSet<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            set.add(maybeNull(random.nextInt(100)));
        }
        return set;
    }

    private Map<String, Double> map() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            map.put(maybeNull(string()), maybeNull(random.nextDouble()));
        }
        return map;
    }

    private byte[] bytes() {
        byte[] b = new byte[random.nextInt(20)];
        random.nextBytes(b);
        return b;
    }
}
