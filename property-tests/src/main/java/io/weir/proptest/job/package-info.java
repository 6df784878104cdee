/**
 * A pipeline as a Weir job: its replayable source with per-record watermarks, the transactional test
 * sink whose committed output the properties compare, and the runner of one trial.
 */
package io.weir.proptest.job;
