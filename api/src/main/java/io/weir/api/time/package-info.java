/** Processing time: the clock a job reads, replaceable by a manual clock in tests. */
@Stable
package io.weir.api.time;

import io.weir.api.annotation.Stable;
