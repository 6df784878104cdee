/** Keyed state of operator subtasks: the state manager, the state handles over the backend's stores, TTL, and backend lookup. */
package io.weir.runtime.state;
