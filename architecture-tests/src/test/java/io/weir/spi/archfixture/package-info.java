/** Rule fixtures posing as SPI types, each breaking or keeping one architecture rule. */
package io.weir.spi.archfixture;
