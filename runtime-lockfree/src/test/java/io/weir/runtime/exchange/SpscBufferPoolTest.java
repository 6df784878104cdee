package io.weir.runtime.exchange;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpscBufferPoolTest {

    @Test
    void shouldHandOutDistinctAlignedBuffersOfTheConfiguredSize() {
        try (SpscBufferPool pool = new SpscBufferPool(100, 4)) {
            Set<Long> addresses = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                SegmentBuffer buffer = pool.acquire();
                assertThat(buffer.index).isEqualTo(i);
                assertThat(buffer.segment.byteSize()).isEqualTo(100);
                addresses.add(buffer.segment.address());
            }
            assertThat(addresses).hasSize(4);
            assertThat(pool.allocatedBuffers()).isEqualTo(4);
        }
    }

    @Test
    void shouldReuseAReleasedBufferBeforeAllocating() {
        try (SpscBufferPool pool = new SpscBufferPool(64, 2)) {
            SegmentBuffer first = pool.acquire();
            pool.release(first);

            assertThat(pool.acquire()).isSameAs(first);
            assertThat(pool.allocatedBuffers()).isEqualTo(1);
        }
    }

    @Test
    void shouldReturnReleasedBuffersInReleaseOrder() {
        try (SpscBufferPool pool = new SpscBufferPool(64, 3)) {
            SegmentBuffer a = pool.acquire();
            SegmentBuffer b = pool.acquire();
            pool.release(b);
            pool.release(a);

            assertThat(pool.acquire()).isSameAs(b);
            assertThat(pool.acquire()).isSameAs(a);
        }
    }

    @Test
    void shouldGrowBeyondTheInitialBuffersAndFindEveryBufferByIndex() {
        try (SpscBufferPool pool = new SpscBufferPool(64, 2)) {
            SegmentBuffer[] buffers = new SegmentBuffer[50];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = pool.acquire();
                buffers[i].segment.set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
            }

            assertThat(pool.allocatedBuffers()).isEqualTo(50);
            for (int i = 0; i < buffers.length; i++) {
                assertThat(pool.bufferAcquire(i)).isSameAs(buffers[i]);
                assertThat(pool.bufferAcquire(i).segment.get(ValueLayout.JAVA_INT_UNALIGNED, 0)).isEqualTo(i);
                assertThat(buffers[i].segment.address() % SpscBufferPool.BUFFER_ALIGNMENT).isZero();
            }
        }
    }

    @Test
    void shouldFreeEveryBufferOnCloseAndCloseIdempotently() {
        SpscBufferPool pool = new SpscBufferPool(64, 2);
        SegmentBuffer initial = pool.acquire();
        pool.acquire();
        SegmentBuffer grown = pool.acquire();

        pool.close();
        pool.close();

        assertThat(pool.isAlive()).isFalse();
        assertThat(initial.segment.scope().isAlive()).isFalse();
        assertThat(grown.segment.scope().isAlive()).isFalse();
        assertThatThrownBy(() -> grown.segment.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.checkOpen("c1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c1");
    }

    @Test
    void shouldRejectNonPositiveSizes() {
        assertThatThrownBy(() -> new SpscBufferPool(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpscBufferPool(64, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
