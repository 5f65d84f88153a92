/**
 * The immutable records every stage exchanges: documents, their section trees, tasks, departments, goals
 * and the problems found on the way, and the SHA-256 digest content is named by. Depends on the JDK only; every
 * other package may depend on it.
 */
package org.policykb.model;
