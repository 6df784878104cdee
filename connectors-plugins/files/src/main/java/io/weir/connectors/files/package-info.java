/**
 * Files: a transactional sink that writes records as lines into part files, staged until their checkpoint
 * completes. The file source is in {@link io.weir.connectors.files.source}.
 */
package io.weir.connectors.files;
