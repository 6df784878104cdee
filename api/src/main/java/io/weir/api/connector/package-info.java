/** Where records come from and go to: the {@code Source}/{@code Sink} marker types and the built-in ones. */
@Stable
package io.weir.api.connector;

import io.weir.api.annotation.Stable;
