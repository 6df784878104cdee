/** Rule fixtures posing as runtime types: runtime types for SPI fixtures to leak, and lock users for rule (e). */
package io.weir.runtime.archfixture;
