/**
 * The file source: text lines, CSV rows and JSON lines from files and folders, split into byte blocks that
 * parallel readers share, bounded or monitoring a folder, with checkpointed positions and explicit handling
 * of malformed lines ({@link io.weir.connectors.files.source.FileSource}, {@code source = files}).
 */
package io.weir.connectors.files.source;
