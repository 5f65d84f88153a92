package org.policykb.render;

/**
 * One goal as a row of a goals table or a list.
 *
 * @param anchor     the goal's id on its document's goals page (e.g. {@code g3})
 * @param value      the target as written, or empty
 * @param year       the deadline year, or empty
 * @param task       the task the goal belongs to, or null for goals of the whole document
 * @param department the lead department of that task, or null
 * @param inText     the goal marked in the document text
 * @param due        overdue, due or later, relative to the day the site was generated; empty without a year
 */
public record GoalRow(String anchor, String href, String text, String value, String year, Link task,
                      Link department, Link document, Link inText, String due) {
}
