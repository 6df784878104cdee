/**
 * What a plugin declares about itself ({@link io.weir.spi.plugin.PluginDescriptor},
 * {@link io.weir.spi.plugin.SpiVersion}) and the connector factories that build sources and sinks from
 * string-keyed configuration ({@link io.weir.spi.plugin.SourceFactory},
 * {@link io.weir.spi.plugin.SinkFactory}, with their common parent
 * {@link io.weir.spi.plugin.ConnectorFactory}, validated by {@link io.weir.spi.plugin.ConnectorOptions}).
 */
@Evolving
package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;
