package io.weir.runtime.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGroupsTest {

    @Test
    void shouldAssignEveryKeyGroupToExactlyOneSubtaskInContiguousRanges() {
        for (int maxP : new int[]{1, 7, 128, 1000}) {
            for (int p = 1; p <= Math.min(maxP, 9); p++) {
                int expectedNext = 0;
                for (int s = 0; s < p; s++) {
                    int first = KeyGroups.firstKeyGroup(s, maxP, p);
                    int last = KeyGroups.lastKeyGroup(s, maxP, p);
                    assertThat(first).isEqualTo(expectedNext);
                    for (int kg = first; kg <= last; kg++) {
                        assertThat(KeyGroups.subtaskForKeyGroup(kg, maxP, p)).isEqualTo(s);
                    }
                    expectedNext = last + 1;
                }
                assertThat(expectedNext).isEqualTo(maxP);
            }
        }
    }

    @Test
    void shouldNeverReturnANegativeKeyGroup() {
        for (int h : new int[]{Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 0x7fff_ffff, 12345}) {
            assertThat(KeyGroups.murmurHash(h)).isNotNegative();
        }
        for (int i = -100_000; i < 100_000; i++) {
            assertThat(KeyGroups.keyGroupFor(i, 128)).isBetween(0, 127);
        }
    }
}
