/**
 * Checkpoints: the coordinator (aligned barrier snapshots), operator list state, snapshot and restore
 * plumbing between operators, state backends and checkpoint storage, and the metadata format.
 */
package io.weir.runtime.checkpoint;
