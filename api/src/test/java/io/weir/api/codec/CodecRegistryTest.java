package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {
    record Money(long cents) {
    }

    record Invoice(String id, Money total) {
    }

    record Address(String street, Object extra) {
    }

    record Customer(String name, Address address) {
    }

    record Order(long id, Customer customer) {
    }

    record Basket(List<Object> items) {
    }

    record Index(Map<String, Runnable> handlers) {
    }

    static final class Plain {
    }

    /** Writes money as a string of cents, and counts its calls. */
    static final class MoneyAsText implements Codec<Money> {
        final AtomicInteger encodes = new AtomicInteger();

        @Override
        public void encode(Money value, CodecOutput out) {
            encodes.incrementAndGet();
            out.writeString(Long.toString(value.cents()));
        }

        @Override
        public Money decode(CodecInput in) {
            return new Money(Long.parseLong(in.readString()));
        }
    }

    private final CodecRegistry registry = new CodecRegistry();

    @Test
    void shouldPreferARegisteredCodecOverDerivation() {
        MoneyAsText text = new MoneyAsText();
        registry.register(Money.class, text);
        assertThat(registry.codecFor(Money.class)).isSameAs(text);
        Invoice invoice = new Invoice("i-1", new Money(1234));
        Codec<Invoice> codec = registry.codecFor(Invoice.class);
        assertThat(Codecs.fromBytes(codec, Codecs.toBytes(codec, invoice))).isEqualTo(invoice);
        assertThat(text.encodes).hasValue(1);
    }

    @Test
    void shouldForgetDerivedCodecsWhenACodecIsRegisteredLater() {
        Codec<Invoice> derived = registry.codecFor(Invoice.class);
        assertThat(registry.codecFor(Invoice.class)).isSameAs(derived);
        MoneyAsText text = new MoneyAsText();
        registry.register(Money.class, text);
        Codec<Invoice> rederived = registry.codecFor(Invoice.class);
        assertThat(rederived).isNotSameAs(derived);
        Codecs.toBytes(rederived, new Invoice("i-2", new Money(1)));
        assertThat(text.encodes).hasValue(1);
    }

    @Test
    void shouldLetAUserCodecReplaceABuiltIn() {
        Codec<String> upper = new Codec<>() {
            @Override
            public void encode(String value, CodecOutput out) {
                out.writeString(value.toUpperCase());
            }

            @Override
            public String decode(CodecInput in) {
                return in.readString();
            }
        };
        registry.register(String.class, upper);
        Codec<Invoice> codec = registry.codecFor(Invoice.class);
        assertThat(Codecs.fromBytes(codec, Codecs.toBytes(codec, new Invoice("abc", null))).id()).isEqualTo("ABC");
    }

    @Test
    void shouldRejectRegisteringAPrimitiveType() {
        assertThatThrownBy(() -> registry.register(int.class, registry.codecFor(Integer.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register Integer.class instead");
    }

    @Test
    void shouldExplainHowToFixATypeWithoutCodec() {
        assertThat(registry.hasCodec(Plain.class)).isFalse();
        assertThatThrownBy(() -> registry.requireCodec(Plain.class, "map 'enrich'"))
                .isInstanceOf(CodecException.class)
                .hasMessage("no codec for type " + Plain.class.getName() + " (used by map 'enrich'): register one with "
                        + "StreamEnvironment.registerCodec(Plain.class, codec), or make it a record/enum");
        assertThatThrownBy(() -> registry.codecFor(Object.class))
                .hasMessageStartingWith("no codec for type java.lang.Object: register one with "
                        + "StreamEnvironment.registerCodec(Object.class, codec)");
    }

    @Test
    void shouldNameTheComponentPathWhenANestedComponentHasNoCodec() {
        assertThat(registry.hasCodec(Order.class)).isFalse();
        assertThatThrownBy(() -> registry.requireCodec(Order.class, "sink 'orders'"))
                .isInstanceOf(CodecException.class)
                .hasMessage("no codec for type " + Order.class.getName() + " (used by sink 'orders'), because "
                        + "Order.customer.address.extra: java.lang.Object has none: register one with "
                        + "StreamEnvironment.registerCodec(Object.class, codec), or make it a record/enum");
    }

    @Test
    void shouldNameElementsKeysAndValuesInThePath() {
        assertThatThrownBy(() -> registry.codecFor(Basket.class))
                .hasMessageContaining("because Basket.items[element]: java.lang.Object has none");
        assertThatThrownBy(() -> registry.codecFor(Index.class))
                .hasMessageContaining("because Index.handlers[value]: java.lang.Runnable has none")
                .hasMessageContaining("registerCodec(Runnable.class, codec)");
    }

    @Test
    void shouldNotCacheAnythingFromAFailedDerivation() {
        assertThat(registry.hasCodec(Order.class)).isFalse();
        registry.register(Address.class, new Codec<>() {
            @Override
            public void encode(Address value, CodecOutput out) {
                out.writeString(value.street());
            }

            @Override
            public Address decode(CodecInput in) {
                return new Address(in.readString(), null);
            }
        });
        Order order = new Order(7, new Customer("c", new Address("s", null)));
        Codec<Order> codec = registry.codecFor(Order.class);
        assertThat(Codecs.fromBytes(codec, Codecs.toBytes(codec, order))).isEqualTo(order);
    }

    @Test
    void shouldCacheDerivedCodecs() {
        assertThat(registry.hasCodec(Customer.class)).isFalse();
        assertThat(registry.hasCodec(Invoice.class)).isTrue();
        assertThat(registry.codecFor(Invoice.class)).isSameAs(registry.codecFor(Invoice.class));
        assertThat(registry.codecFor(Money.class)).isSameAs(registry.codecFor(Money.class));
    }

    @Test
    void shouldDeriveRawCollectionsWithDynamicElements() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Codec<List<Object>> codec = (Codec) registry.codecFor(List.class);
        List<Object> list = List.of("a", 1, new Money(5), List.of(true));
        assertThat(Codecs.fromBytes(codec, Codecs.toBytes(codec, list))).isEqualTo(list);
    }
}
