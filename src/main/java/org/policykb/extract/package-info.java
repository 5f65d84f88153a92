/**
 * Pure functions from a parsed document to what it says: metadata and kind, tasks, who leads and supports
 * them, and goals. Rules follow the language of Chinese official documents, never particular files.
 * Depends on model and text only.
 */
package org.policykb.extract;
