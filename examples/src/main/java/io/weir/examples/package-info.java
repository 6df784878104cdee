/** The registry of runnable example jobs ({@link io.weir.examples.ExampleJob}), found through ServiceLoader. */
package io.weir.examples;
