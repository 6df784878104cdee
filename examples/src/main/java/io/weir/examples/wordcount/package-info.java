/** The {@code wordcount} example: flatMap, keyBy and reduce over a small embedded text. */
package io.weir.examples.wordcount;
