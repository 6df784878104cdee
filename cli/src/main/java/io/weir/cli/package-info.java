/** The {@code weir} command line: lists and runs example jobs ({@link io.weir.cli.WeirCli} is the entry point). */
package io.weir.cli;
