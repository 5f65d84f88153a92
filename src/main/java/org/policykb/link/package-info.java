/**
 * Resolves the unit names written in tasks into one department record per distinct unit across all documents,
 * merging the aliases editors list in the content folder. Depends on model only.
 */
package org.policykb.link;
