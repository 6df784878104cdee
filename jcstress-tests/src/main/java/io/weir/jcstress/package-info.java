/** Runs Weir's jcstress tests from the build and fails it when any test fails. */
package io.weir.jcstress;
