/** Failure injection for tests: named points in the runtime where a test can throw or halt at a precise moment. */
package io.weir.runtime.fault;
