/** Finds Weir plugins on the class path and in a {@code plugins/} folder, each folder in its own class loader. */
package io.weir.plugins;
