/** The {@code datagen} source: deterministic Nexmark, sequence and random generators, splittable and checkpointable. */
package io.weir.connectors.datagen;
