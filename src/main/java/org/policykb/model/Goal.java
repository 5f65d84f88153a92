package org.policykb.model;

import java.util.Optional;

/**
 * A forward-looking target: 「到2025年…优良率达到55%」 has value {@code 55%} and year 2025.
 *
 * @param taskId the task the goal belongs to, empty for goals of the document as a whole
 * @param value  number and unit as written, e.g. {@code 95%以上}; empty for end states without a quantity
 * @param year   the deadline year, stated or the plan's horizon; empty for recurring rates
 */
public record Goal(String id, String documentId, Optional<String> taskId, String text, Optional<String> value,
                   Optional<Integer> year, SourceSpan span) {
}
