/** The built-in {@code filesystem} checkpoint storage: a folder per checkpoint, metadata written last and atomically. */
package io.weir.runtime.checkpoint.storage;
