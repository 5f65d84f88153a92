/**
 * One parser per source format (plain text, Markdown via flexmark), each producing the same section tree with
 * source spans through one shared {@link org.policykb.parse.StructureBuilder}. Depends on model, text, flexmark.
 */
package org.policykb.parse;
