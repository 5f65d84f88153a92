/**
 * The only package that knows the order of the stages: source → parse → extract → link → index → render →
 * publish. Full builds, the build report and its problems. Depends on every stage.
 */
package org.policykb.build;
