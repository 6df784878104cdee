/** Functions that see a whole window: its key, the window, its contents and per-window state. */
@Evolving
package io.weir.api.windowing.functions;

import io.weir.api.annotation.Evolving;
