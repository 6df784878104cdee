/** Stability annotations that mark how much each public API and SPI type may change. */
@Stable
package io.weir.api.annotation;
