package org.policykb.index;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {
    static KnowledgeBase kb;
    static SearchIndex index;

    @BeforeAll
    static void build(@TempDir Path state) throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(Path.of("content"));
        index = SearchIndex.open(state.resolve("index"));
        index.update(kb);
    }

    private static SearchResult search(String query) throws IOException {
        return index.search(SearchRequest.of(query, 10));
    }

    private static SearchRequest filtered(String query, String department, Role role, HitType type) {
        return new SearchRequest(query, Optional.ofNullable(department), Optional.ofNullable(role),
                Optional.ofNullable(type), 1000);
    }

    @Test
    void abbreviationFindsTheFullDepartmentName() throws IOException {
        SearchResult result = index.search(filtered("教体局", null, null, HitType.TASK));
        assertTrue(result.totalHits() > 20, "tasks naming 区教体局: " + result.totalHits());
        assertTrue(result.hits().stream().allMatch(h -> h.snippet().marked("【", "】").contains("【教体局】")));
    }

    @Test
    void twoCharactersFindTheCompound() throws IOException {
        SearchResult result = index.search(filtered("学前", null, null, HitType.SECTION));
        assertFalse(result.isEmpty());
        assertTrue(result.hits().stream().anyMatch(h -> h.snippet().text().contains("学前教育")));
    }

    @Test
    void scrambledCharactersFindNothing() throws IOException {
        assertTrue(search("局体教区").isEmpty());
        assertEquals(0, search("局体教区").totalHits());
    }

    @Test
    void phraseRanksTheContiguousWordsFirst() throws IOException {
        SearchHit first = search("心理健康").hits().getFirst();
        assertTrue(first.snippet().marked("【", "】").contains("【心理健康】"), first.snippet().text());
        for (String query : List.of("心理健康", "近视")) {
            List<String> tasks = index.search(filtered(query, null, null, HitType.TASK)).hits().stream()
                    .limit(3).map(SearchHit::title).toList();
            assertTrue(tasks.stream().anyMatch(t -> t.contains("完善多样性健康身心培养体系")), query + " → " + tasks);
        }
    }

    @Test
    void leadFilterListsExactlyTheTasksTheDepartmentLeads() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Task task : kb.tasks()) {
            if (task.lead().equals(Optional.of("区教体局"))) {
                expected.add("task/" + task.id());
            }
        }
        SearchResult result = index.search(filtered("", "区教体局", Role.LEAD, null));
        assertEquals(expected, result.hits().stream().map(SearchHit::id).toList());
        assertEquals(expected.size(), result.totalHits());
        SearchResult support = index.search(filtered("", "区教体局", Role.SUPPORT, null));
        assertTrue(support.hits().stream().allMatch(h -> h.support().contains("区教体局")));
    }

    @Test
    void departmentFilterNarrowsAQuery() throws IOException {
        SearchResult all = index.search(filtered("教师", null, null, HitType.TASK));
        SearchResult lead = index.search(filtered("教师", "区人社局", null, HitType.TASK));
        assertTrue(lead.totalHits() > 0 && lead.totalHits() < all.totalHits());
        assertTrue(lead.hits().stream().allMatch(h -> h.lead().equals(Optional.of("区人社局")) || h.support().contains("区人社局")));
    }

    @Test
    void unknownDepartmentSuggestsTheClosestNames() throws IOException {
        SearchResult result = index.search(filtered("", "区教育局", null, null));
        assertEquals(Optional.of("区教育局"), result.unknownDepartment());
        assertEquals(3, result.closestDepartments().size());
        assertEquals("区教体局", result.closestDepartments().getFirst());
    }

    @Test
    void hitsLinkToTheirPages() throws IOException {
        SearchHit task = index.search(filtered("完善多样性健康身心培养体系", null, null, HitType.TASK)).hits().getFirst();
        assertTrue(task.url().startsWith("tasks/") && task.url().endsWith(".html"), task.url());
        SearchHit section = index.search(filtered("学前", null, null, HitType.SECTION)).hits().getFirst();
        assertTrue(section.url().matches("documents/[^#]+\\.html#.+"), section.url());
    }

    @Test
    void updateRewritesOnlyWhatChangedAndDeletesWhatIsGone(@TempDir Path dir) throws IOException {
        try (SearchIndex own = SearchIndex.open(dir)) {
            SearchIndex.UpdateCounts first = own.update(kb);
            assertEquals(first.total(), first.written());
            SearchIndex.UpdateCounts again = own.update(kb);
            assertEquals(0, again.written());
            assertEquals(0, again.deleted());
            List<PolicyDocument> fewer = kb.documents().subList(0, kb.documents().size() - 1);
            SearchIndex.UpdateCounts removed = own.update(new KnowledgeBase(fewer, kb.departments(), kb.departmentIdByName(), List.of()));
            assertTrue(removed.deleted() > 0);
            String lastTitle = kb.documents().getLast().meta().title();
            assertTrue(own.search(new SearchRequest(lastTitle, Optional.empty(), Optional.empty(),
                    Optional.of(HitType.DOCUMENT), 10)).hits().stream().noneMatch(h -> h.title().equals(lastTitle)));
        }
    }

    @Test
    void anUpdateThatFailsHalfWayLeavesTheLastCommitWhole(@TempDir Path dir) throws IOException {
        java.util.Map<String, String> first = new java.util.HashMap<>();
        java.util.Map<String, String> second = new java.util.HashMap<>();
        kb.documents().forEach(d -> {
            first.put(d.id(), "first");
            second.put(d.id(), "second");
        });
        // every document is rewritten, and the last one's items cannot be made (its sections lie beyond its text),
        // so the update stops while others are half-way or done
        List<PolicyDocument> broken = new ArrayList<>(kb.documents());
        PolicyDocument last = broken.removeLast();
        broken.add(new PolicyDocument(last.id(), last.source(), "", last.meta(), last.root(), last.tasks(),
                last.goals(), last.problems()));
        KnowledgeBase brokenKb = new KnowledgeBase(broken, kb.departments(), kb.departmentIdByName(), List.of());
        try (SearchIndex own = SearchIndex.open(dir)) {
            SearchIndex.UpdateCounts made = own.update(kb, first);
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> own.update(brokenKb, second));

            SearchIndex.UpdateCounts again = own.update(kb, first);
            assertEquals(0, again.written(), "nothing of the failed update was committed: every document is as it was");
            assertEquals(made.contentKey(), again.contentKey());
            assertEquals(made.total(), own.reader().numDocs(), "every item is there once");
        }
    }

    @Test
    void aDocumentOfAnUnchangedVersionIsPassedOverUnlessItsItemNumbersMoved(@TempDir Path dir) throws IOException {
        java.util.Map<String, String> versions = new java.util.HashMap<>();
        kb.documents().forEach(d -> versions.put(d.id(), "read once:" + d.id()));
        try (SearchIndex own = SearchIndex.open(dir)) {
            SearchIndex.UpdateCounts first = own.update(kb, versions);
            assertEquals(first.total(), first.written());
            assertEquals(0, own.update(kb, versions).written(), "nothing changed, nothing is written");

            // an editor saves one document again: its items, and only its, are written
            PolicyDocument edited = kb.documents().get(1);
            versions.put(edited.id(), "read twice:" + edited.id());
            SearchIndex.UpdateCounts counts = own.update(kb, versions);
            assertEquals(1 + edited.sections().size() + edited.tasks().size() + edited.goals().size(), counts.written());
            assertEquals(0, counts.deleted());
            assertEquals(first.total(), own.reader().numDocs(), "the old items of the edited document are gone");

            // the first document is removed: every later item's number moves, so every later item is written anew
            PolicyDocument removed = kb.documents().getFirst();
            List<PolicyDocument> rest = kb.documents().subList(1, kb.documents().size());
            KnowledgeBase fewer = new KnowledgeBase(rest, kb.departments(), kb.departmentIdByName(), List.of());
            SearchIndex.UpdateCounts after = own.update(fewer, versions);
            assertEquals(after.total(), after.written());
            assertEquals(1 + removed.sections().size() + removed.tasks().size() + removed.goals().size(), after.deleted());
            assertEquals(after.total(), own.reader().numDocs());
            assertTrue(own.search(new SearchRequest(removed.meta().title(), Optional.empty(), Optional.empty(),
                    Optional.of(HitType.DOCUMENT), 10)).hits().stream().noneMatch(h -> h.documentId().equals(removed.id())),
                    "the removed document is not found");
        }
    }

    @Test
    void anIndexWrittenBeforeContentHashesIsRebuiltWithoutItsGoneItems(@TempDir Path dir) throws IOException {
        // an item as an older PolicyKB wrote it: the id, the text, no doc values; its document no longer exists
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(new PolicyAnalyzer()))) {
            var old = new org.apache.lucene.document.Document();
            old.add(new org.apache.lucene.document.StringField(SearchFields.ID, "gone-document",
                    org.apache.lucene.document.Field.Store.YES));
            old.add(new org.apache.lucene.document.TextField(SearchFields.TEXT, "已撤销的旧文件",
                    org.apache.lucene.document.Field.Store.NO));
            writer.addDocument(old);
            writer.commit();
        }
        try (SearchIndex own = SearchIndex.open(dir)) {
            SearchIndex.UpdateCounts counts = own.update(kb);
            assertEquals(counts.total(), counts.written());
            assertEquals(0, own.search(SearchRequest.of("已撤销", 10)).totalHits());
            assertEquals(0, own.update(kb).written(), "the rebuilt index knows every item's content");
        }
    }

    @Test
    void anUpdatedIndexWithDeletedItemsRanksExactlyAsAFreshOne(@TempDir Path dir) throws IOException {
        // an editor corrects a target in one document: its items are rewritten, the old ones deleted
        Path content = java.nio.file.Files.createDirectories(dir.resolve("content"));
        try (var files = java.nio.file.Files.list(Path.of("content"))) {
            for (Path file : files.sorted().toList()) {
                java.nio.file.Files.copy(file, content.resolve(file.getFileName()));
            }
        }
        Path edited;
        try (var files = java.nio.file.Files.list(content)) {
            edited = files.filter(f -> readText(f).matches("(?s).*\\d+%.*")).sorted().findFirst().orElseThrow();
        }
        java.nio.file.Files.writeString(edited, readText(edited).replaceFirst("(\\d+)%", "$11%"));
        KnowledgeBase fewer = org.policykb.build.KnowledgeBaseReader.read(content);
        try (SearchIndex updated = SearchIndex.open(dir.resolve("updated"));
             SearchIndex fresh = SearchIndex.open(dir.resolve("fresh"))) {
            updated.update(kb);
            updated.update(fewer);
            fresh.update(fewer);
            assertTrue(updated.reader().hasDeletions(), "the edited document's old items are still in the index, deleted");
            assertFalse(fresh.reader().hasDeletions());

            var terms = org.apache.lucene.index.MultiTerms.getTerms(fresh.reader(), SearchFields.TEXT);
            LiveStatistics.Field live = LiveStatistics.of(updated.reader());
            assertEquals(terms.getDocCount(), live.docCount(), "counted over the live items, as a fresh index counts");
            assertEquals(terms.getSumTotalTermFreq(), live.sumTotalTermFreq());
            assertEquals(LiveStatistics.of(fresh.reader()), live);

            for (String query : List.of("教育", "学前", "区教体局", "心理健康", "发展 质量", "\"体育\"")) {
                List<SearchHit> expected = fresh.search(SearchRequest.of(query, 20)).hits();
                List<SearchHit> actual = updated.search(SearchRequest.of(query, 20)).hits();
                assertFalse(expected.isEmpty(), query);
                assertEquals(expected.stream().map(h -> h.id() + " " + h.score()).toList(),
                        actual.stream().map(h -> h.id() + " " + h.score()).toList(), query);
            }
        }
    }

    private static String readText(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
