/**
 * One parser per source format — plain text with an optional front matter block (also the canonical text the
 * source stage makes of web pages and Word documents) and Markdown via flexmark — each producing the same
 * section tree with source spans through one shared {@link org.policykb.parse.StructureBuilder}. Depends on
 * model, text, flexmark.
 */
package org.policykb.parse;
