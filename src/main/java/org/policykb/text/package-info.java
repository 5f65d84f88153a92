/**
 * Chinese text primitives shared by the parser, the extractors, the index and the renderer: heading markers
 * (一、 （二） 3． （4） ①), Chinese numerals, full-width folding, clause splitting, Word leftovers. Depends on the JDK only.
 */
package org.policykb.text;
