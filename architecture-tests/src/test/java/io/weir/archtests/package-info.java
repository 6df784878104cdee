/** The architecture rules (ArchUnit, strict, no frozen baseline) and the tests that show each one can fail. */
package io.weir.archtests;
