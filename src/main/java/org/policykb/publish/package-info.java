/**
 * Writes a rendered site to its folder: into a sibling temporary folder first, then swapped in, so a failed
 * build never leaves a half-written site. Knows nothing about HTML; depends on {@code model} only.
 */
package org.policykb.publish;
