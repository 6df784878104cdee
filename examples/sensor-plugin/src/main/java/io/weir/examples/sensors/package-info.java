/**
 * The example connector plugin of the "write your own connector" guide: {@code source = sensors}, a
 * splittable, checkpointable source of generated temperature readings, and {@code sink = sensor-csv}, an
 * at-least-once CSV sink. Packaged alone as a plugin jar.
 */
package io.weir.examples.sensors;
