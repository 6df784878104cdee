/** Windows over keyed streams, with Apache Flink's semantics: the window types and the function shape of a window operator. */
@Evolving
package io.weir.api.windowing;

import io.weir.api.annotation.Evolving;
