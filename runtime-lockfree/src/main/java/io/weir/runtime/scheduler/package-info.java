/**
 * The built-in schedulers ({@code dedicated}: a thread per tasklet; {@code cooperative}: a fixed pool of
 * workers cycling through their tasklets) and the Agrona-backed idle strategies they use.
 */
package io.weir.runtime.scheduler;
