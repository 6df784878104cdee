package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The codecs of records with primitive components allocate nothing but the decoded record: no
 * argument arrays, no boxes left behind. Counts this thread's allocated bytes (exact, not
 * timing-dependent). A guard, not a proof: once compiled, the JIT may remove boxes by itself.
 */
class CodecAllocationTest {
    private static final int ROUNDS = 100_000;
    /** A Tick takes 48 bytes with every header layout of a 64-bit HotSpot; a single box would add 16. */
    private static final long MAX_TICK_BYTES = 56;

    /** Where decoded records escape to, so that escape analysis cannot remove them. */
    private static volatile Tick last;

    record Tick(long time, int id, double price, boolean buy, char side, short venue, byte flags, float size) {
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static boolean canMeasure() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled();
    }

    @Test
    void shouldEncodePrimitiveRecordsWithoutAllocating() {
        assumeTrue(canMeasure(), "thread allocation counting unsupported");
        Codec<Tick> codec = new CodecRegistry().codecFor(Tick.class);
        Tick tick = new Tick(1L, 2, 3.0, true, 'b', (short) 4, (byte) 5, 6f);
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(codec.fixedSize());
        for (int i = 0; i < ROUNDS; i++) { // warm up: class loading, method handle forms
            out.reset();
            codec.encode(tick, out);
        }
        long before = allocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            out.reset();
            codec.encode(tick, out);
        }
        long allocated = allocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by %d encodes", ROUNDS).isLessThan(ROUNDS);
    }

    @Test
    void shouldDecodePrimitiveRecordsAllocatingOnlyTheRecord() {
        assumeTrue(canMeasure(), "thread allocation counting unsupported");
        Codec<Tick> codec = new CodecRegistry().codecFor(Tick.class);
        byte[] bytes = Codecs.toBytes(codec, new Tick(1L, 2, 3.0, true, 'b', (short) 4, (byte) 5, 6f));
        ByteArrayCodecInput in = new ByteArrayCodecInput();
        for (int i = 0; i < ROUNDS; i++) {
            last = codec.decode(in.reset(bytes, 0, bytes.length));
        }
        long before = allocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            last = codec.decode(in.reset(bytes, 0, bytes.length));
        }
        long allocated = allocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by %d decodes", ROUNDS).isLessThan(ROUNDS * MAX_TICK_BYTES);
        assertThat(last.time()).isEqualTo(1L);
    }
}
