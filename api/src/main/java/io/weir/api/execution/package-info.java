/**
 * How {@code StreamEnvironment.execute} finds a runtime: a {@link io.weir.api.execution.PipelineExecutorFactory}
 * discovered through {@link java.util.ServiceLoader}. Internal to Weir's modules.
 */
@Internal
package io.weir.api.execution;

import io.weir.api.annotation.Internal;
