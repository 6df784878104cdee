/**
 * The {@code simulation} scheduler: a whole job, failures and restarts included, on one thread, each
 * step (a tasklet call, a supervisor pass, a piece of checkpoint I/O, a clock tick) chosen by a seeded
 * random generator, so that a run is a pure function of its seed.
 */
package io.weir.proptest.simulation;
