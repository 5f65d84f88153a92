/**
 * Chinese text primitives shared by the parser and the extractors: heading markers (一、 （二） 3． （4） ①),
 * Chinese numerals, full-width folding, clause splitting. Depends on the JDK only.
 */
package org.policykb.text;
