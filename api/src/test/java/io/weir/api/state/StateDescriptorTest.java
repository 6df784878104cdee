package io.weir.api.state;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.codec.Codecs;
import io.weir.api.functions.AggregateFunction;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDescriptorTest {
    record Point(int x, int y) {
    }

    @Test
    void shouldResolveTheCodecOfADeclaredTypeFromTheRegistryLazily() {
        ValueStateDescriptor<Point> d = new ValueStateDescriptor<>("p", Point.class);
        CodecRegistry registry = new CodecRegistry();
        Codec<Point> custom = new Codec<>() {
            @Override
            public void encode(Point value, io.weir.api.codec.CodecOutput out) {
                out.writeInt(value.x());
            }

            @Override
            public Point decode(io.weir.api.codec.CodecInput in) {
                return new Point(in.readInt(), 0);
            }
        };
        registry.register(Point.class, custom);
        assertThat(d.codec(registry)).isSameAs(custom);
        assertThat(d.type()).isEqualTo(Point.class);
    }

    @Test
    void shouldUseAnExplicitCodecWithoutAskingTheRegistry() {
        Codec<String> codec = new CodecRegistry().codecFor(String.class);
        ListStateDescriptor<String> d = new ListStateDescriptor<>("l", codec);
        assertThat(d.elementCodec(null)).isSameAs(codec);
        assertThat(d.elementType()).isNull();
    }

    @Test
    void shouldNameTheStateWhenTheRegistryHasNoCodec() {
        MapStateDescriptor<String, Object> d = new MapStateDescriptor<>("lookup", String.class, Object.class);
        assertThatThrownBy(() -> d.valueCodec(new CodecRegistry()))
                .isInstanceOf(CodecException.class).hasMessageContaining("map state 'lookup'");
    }

    @Test
    void shouldResolveTheCodecsOfEveryKind() {
        CodecRegistry registry = new CodecRegistry();
        ReducingStateDescriptor<Long> r = new ReducingStateDescriptor<>("r", Long::sum, Long.class);
        AggregatingStateDescriptor<Long, Long, Long> a = new AggregatingStateDescriptor<>("a", new Sum(), Long.class);
        MapStateDescriptor<String, Long> m = new MapStateDescriptor<>("m", String.class, Long.class);
        assertThat(Codecs.fromBytes(r.codec(registry), Codecs.toBytes(r.codec(registry), 5L))).isEqualTo(5L);
        assertThat(a.accumulatorCodec(registry)).isSameAs(registry.codecFor(Long.class));
        assertThat(m.keyCodec(registry)).isSameAs(registry.codecFor(String.class));
        assertThat(r.kind()).isEqualTo("reducing");
        assertThat(a.kind()).isEqualTo("aggregating");
        assertThat(a.aggregateFunction()).isInstanceOf(Sum.class);
    }

    @Test
    void shouldBeEqualByKindAndName() {
        assertThat(new ValueStateDescriptor<>("x", Long.class)).isEqualTo(new ValueStateDescriptor<>("x", String.class))
                .isNotEqualTo(new ListStateDescriptor<>("x", Long.class))
                .isNotEqualTo(new ValueStateDescriptor<>("y", Long.class));
        assertThat(new ValueStateDescriptor<>("x", Long.class).hashCode())
                .isEqualTo(new ValueStateDescriptor<>("x", String.class).hashCode());
    }

    @Test
    void shouldRefuseABlankNameAndMissingParts() {
        assertThatThrownBy(() -> new ValueStateDescriptor<>(" ", Long.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueStateDescriptor<>("x", (Class<Long>) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReducingStateDescriptor<>("x", null, Long.class))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldHaveTtlDisabledUntilEnabled() {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("x", Long.class);
        assertThat(d.ttlConfig()).isSameAs(StateTtlConfig.DISABLED);
        assertThat(d.ttlConfig().isEnabled()).isFalse();
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build();
        d.enableTimeToLive(ttl);
        assertThat(d.ttlConfig()).isSameAs(ttl);
        assertThat(d.toString()).contains("value state 'x'").contains("ttl");
    }

    static final class Sum implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return value + accumulator;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
