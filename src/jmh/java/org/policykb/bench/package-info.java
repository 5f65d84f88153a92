/**
 * JMH microbenchmarks of the hot stages of a build (decode, parse, extract, render, index, browser-index
 * export), so that a slower build shows which stage got slower. Compiled only in the Maven profile {@code jmh}
 * (bench/jmh.sh); like {@code build}, it may use every stage, and nothing depends on it.
 */
package org.policykb.bench;
