package io.weir.runtime.exchange;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * jcstress tests of {@link SpscBufferPool}: a released buffer is never handed out while its reader
 * still uses it, and a buffer created by growing the pool is found by index on the consumer side.
 * Each test closes its pool in the arbiter, so that no off-heap memory leaks across the millions of
 * states a run creates.
 *
 * <h2>Thread safety</h2>
 * Each {@code @State} object is raced by its actors on purpose; that is what is under test.
 */
public final class SpscBufferPoolStressTests {

    private SpscBufferPoolStressTests() {
    }

    @JCStressTest
    @Description("The consumer reads a buffer and then releases it while the producer acquires one: the"
            + " producer may only get that buffer back after the consumer's read.")
    @Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "Producer got a fresh buffer; consumer read its own data.")
    @Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "Producer got the released buffer after the consumer read it.")
    @Outcome(id = "2, 1", expect = Expect.FORBIDDEN, desc = "Consumer saw the producer's write into a buffer it still held.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Anything else is a broken hand-off.")
    @State
    public static class ReleaseThenReuse {
        private final SpscBufferPool pool = new SpscBufferPool(64, 2);
        private final SegmentBuffer held;

        public ReleaseThenReuse() {
            held = pool.acquire(); // filled by the producer and handed to the consumer before the race
            held.segment.set(ValueLayout.JAVA_INT_UNALIGNED, 0, 1);
        }

        @Actor
        public void consumer(II_Result r) {
            r.r1 = held.segment.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
            pool.release(held);
        }

        @Actor
        public void producer(II_Result r) {
            SegmentBuffer buffer = pool.acquire();
            buffer.segment.set(ValueLayout.JAVA_INT_UNALIGNED, 0, 2);
            r.r2 = buffer == held ? 1 : 0;
        }

        @Arbiter
        public void close(II_Result r) {
            pool.close();
        }
    }

    @JCStressTest
    @Description("The producer grows the pool (a new registry array), fills the new buffer and publishes its"
            + " index with release semantics, as the ring buffer does; the consumer looks the index up.")
    @Outcome(id = "-1, 0", expect = Expect.ACCEPTABLE, desc = "Index not published yet.")
    @Outcome(id = "1, 42", expect = Expect.ACCEPTABLE, desc = "Consumer found the grown buffer and its data.")
    @Outcome(id = "1, 0", expect = Expect.FORBIDDEN, desc = "Consumer found the buffer but not the data written before publication.")
    @Outcome(id = "1, -2", expect = Expect.FORBIDDEN, desc = "Consumer did not find the grown buffer in the registry.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Anything else is a broken registry publication.")
    @State
    public static class GrowThenLookUp {
        private static final VarHandle PUBLISHED;

        static {
            try {
                PUBLISHED = MethodHandles.lookup().findVarHandle(GrowThenLookUp.class, "published", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final SpscBufferPool pool = new SpscBufferPool(64, 1);
        @SuppressWarnings("unused") // accessed through PUBLISHED
        private int published = -1;

        public GrowThenLookUp() {
            pool.acquire(); // the only initial buffer is in use: the next acquire grows the pool
        }

        @Actor
        public void producer() {
            SegmentBuffer buffer = pool.acquire();
            buffer.segment.set(ValueLayout.JAVA_INT_UNALIGNED, 0, 42);
            PUBLISHED.setRelease(this, buffer.index);
        }

        @Actor
        public void consumer(II_Result r) {
            int index = (int) PUBLISHED.getAcquire(this);
            r.r1 = index;
            if (index >= 0) {
                SegmentBuffer buffer = pool.bufferAcquire(index);
                r.r2 = buffer == null ? -2 : buffer.segment.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
            }
        }

        @Arbiter
        public void close(II_Result r) {
            pool.close();
        }
    }
}
