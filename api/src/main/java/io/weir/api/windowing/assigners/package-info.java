/** Window assigners: tumbling, sliding, session (fixed or dynamic gap) and global windows, in event or processing time. */
@Evolving
package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
