/** The heap state backend: keyed state as Java objects in hash maps per key group, timers in a binary heap. */
package io.weir.state.heap;
