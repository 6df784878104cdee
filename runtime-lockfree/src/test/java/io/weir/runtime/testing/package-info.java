/** Test fixtures shared with other modules through the runtime's test-jar: gated, replayable sources. */
package io.weir.runtime.testing;
