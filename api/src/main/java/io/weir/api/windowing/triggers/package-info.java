/** Triggers decide when a window emits its result and when its contents are purged. */
@Evolving
package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
