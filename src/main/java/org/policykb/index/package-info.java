/**
 * Lucene at build time: the analyzer (CJK bigrams with unigrams kept), the on-disk index updated by item id,
 * the searcher behind {@code policykb search}, and the export of a sharded browser index that the static
 * site's search script reads and ranks the same way. Depends on {@code model} and Lucene only.
 */
package org.policykb.index;
