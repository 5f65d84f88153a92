package org.policykb.index;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The items are made as they are streamed; their numbers must still be the ones a list of them all would give. */
class IndexedItemsTest {
    static KnowledgeBase kb;

    @BeforeAll
    static void read() throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(Path.of("content"));
    }

    @Test
    void itemsAreNumberedTypeByTypeInDocumentOrder() {
        List<IndexedItem> items = IndexedItems.stream(kb).toList();
        List<String> expected = new ArrayList<>();
        kb.documents().forEach(d -> expected.add("document/" + d.id()));
        kb.documents().forEach(d -> d.sections().forEach(s -> expected.add("section/" + d.id() + "#" + s.id())));
        kb.documents().forEach(d -> d.tasks().forEach(t -> expected.add("task/" + t.id())));
        kb.documents().forEach(d -> d.goals().forEach(g -> expected.add("goal/" + g.id())));
        assertEquals(expected, items.stream().map(IndexedItem::id).toList());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i, items.get(i).ord(), items.get(i).id());
        }
        assertEquals(items.size(), IndexedItems.count(kb));
    }

    @Test
    void aParallelStreamMakesTheSameItems() {
        Map<Integer, IndexedItem> sequential = IndexedItems.stream(kb)
                .collect(Collectors.toMap(IndexedItem::ord, i -> i));
        Map<Integer, IndexedItem> parallel = IndexedItems.stream(kb).parallel()
                .collect(Collectors.toConcurrentMap(IndexedItem::ord, i -> i));
        assertEquals(sequential, parallel);
    }

    @Test
    void aSectionIsIndexedWithItsOwnTextAndATaskWithItsGoalYears() {
        var goal = kb.goals().stream().filter(g -> g.taskId().isPresent() && g.year().isPresent()).findFirst().orElseThrow();
        PolicyDocument doc = kb.documents().stream().filter(d -> d.id().equals(goal.documentId())).findFirst().orElseThrow();
        IndexedItem task = IndexedItems.stream(kb).filter(i -> i.id().equals("task/" + goal.taskId().get()))
                .findFirst().orElseThrow();
        assertTrue(task.years().contains(goal.year().get()), task.years().toString());
        var section = doc.sections().get(0);
        IndexedItem item = IndexedItems.stream(kb).filter(i -> i.id().equals("section/" + doc.id() + "#" + section.id()))
                .findFirst().orElseThrow();
        assertEquals(section.span().of(doc.text()).strip(), item.body());
    }
}
