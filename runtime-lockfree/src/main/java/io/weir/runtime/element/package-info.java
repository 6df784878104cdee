/**
 * What flows through channels and operator chains: records and in-band control events
 * (watermarks, checkpoint barriers, end of input, latency markers), as a sealed hierarchy.
 */
package io.weir.runtime.element;
