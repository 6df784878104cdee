/** Event-time and processing-time timers of keyed operators, kept by the state backend and fired in timestamp order. */
package io.weir.runtime.timers;
