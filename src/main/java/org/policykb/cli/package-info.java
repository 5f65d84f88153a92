/** picocli commands; they parse arguments, call {@code build} (or another stage's entry point) and map outcomes to exit codes. */
package org.policykb.cli;
