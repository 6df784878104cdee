/** From the logical plan to the physical job graph: resolved parallelism, edges, partitioners and operator chains. */
package io.weir.runtime.graph;
