package io.weir.api.archfixture;

/** Breaks rule (d): a public top-level API type without a stability annotation (the package's does not count). */
public final class Unmarked {
}
