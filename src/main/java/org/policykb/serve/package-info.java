/**
 * The preview server: serves a built site folder on the loopback interface, watches folders for changes,
 * batches bursts of events into one rebuild and reloads open pages. Knows nothing of how a site is built:
 * it is handed a rebuild action. Depends on model and the JDK only.
 */
package org.policykb.serve;
