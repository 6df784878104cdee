/** The pipeline language: pipelines as data (sealed records), and their printing as pasteable Java. */
package io.weir.proptest.pipeline;
