package io.weir.api.archfixture;

/** Keeps rule (d): not public, so it needs no stability annotation. */
final class PackagePrivateUnmarked {
}
