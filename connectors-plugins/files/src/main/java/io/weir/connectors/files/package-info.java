/** Files: a transactional sink that writes records as lines into part files, staged until their checkpoint completes. */
package io.weir.connectors.files;
