package org.policykb.build;

import org.policykb.model.Sha256;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SourceSpan;
import org.policykb.model.Task;
import org.policykb.model.SourceFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The documents earlier builds parsed and extracted, one file per source in the state folder, so that a build parses
 * only the sources that changed. An entry is named after all that decides its document: the code's identity, the
 * source's path, the hash of its bytes and the document id; an entry of other code or other bytes is never found.
 * A damaged or unreadable entry is not found either (its document is parsed again and the entry replaced). One cache
 * serves one build: it notes the entries the build used, and the others are removed once the build has succeeded.
 */
final class ParseCache {
    static final String FOLDER = "parsed";
    private static final int HEADER = 9; // eight hex digits of CRC-32C and a newline
    private static final ObjectMapper JSON = mapper();
    private static final ObjectReader ENTRY_READER = JSON.readerFor(Entry.class);
    private static final ObjectWriter ENTRY_WRITER = JSON.writerFor(Entry.class);

    private final Optional<Path> folder;
    private final String codeIdentity;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private ParseCache(Optional<Path> folder, String codeIdentity) {
        this.folder = folder;
        this.codeIdentity = codeIdentity;
    }

    /** The cache in {@code folder} for documents made by the code named {@code codeIdentity}. */
    static ParseCache in(Path folder, String codeIdentity) {
        return new ParseCache(Optional.of(folder), codeIdentity);
    }

    /** No cache: finds nothing and keeps nothing, for reading a folder outside a build. */
    static ParseCache none() {
        return new ParseCache(Optional.empty(), "");
    }

    /**
     * What an entry holds. The document's text, when it is the source's decoded text (as it is for every format
     * today), is left out and taken from the source again: it is half of an entry, and the source is read anyway.
     * So are, then, the texts of its tasks and goals that are their spans of it ({@code textsFromSpans}; a task's
     * stripped): most of what is left, and the reading of the entries is most of what an incremental build reads.
     */
    record Entry(String code, String source, String contentHash, String documentId, boolean textIsSource,
                 boolean textsFromSpans, PolicyDocument document) {
    }

    /** Where the cache is, for telling apart what a reader remembers of several sites; "" for no cache. */
    String location() {
        return folder.map(Path::toString).orElse("");
    }

    /** The document cached for these bytes under this id, if there is one and it is intact. */
    Optional<PolicyDocument> find(SourceFile file, String documentId) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        String name = entryName(file, documentId);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.get().resolve(name));
        } catch (IOException e) {
            return Optional.empty(); // none, or unreadable: the document is parsed again and the entry replaced
        }
        Optional<Entry> entry = intact(bytes);
        if (entry.isEmpty() || !matches(entry.get(), file, documentId)) {
            return Optional.empty();
        }
        used.add(name);
        Entry e = entry.get();
        PolicyDocument d = e.document();
        if (!e.textIsSource()) {
            return Optional.of(d);
        }
        String text = file.text();
        try {
            return Optional.of(e.textsFromSpans()
                    ? new PolicyDocument(d.id(), d.source(), text, d.meta(), d.root(),
                    d.tasks().stream().map(t -> t.text() != null ? t : withText(t, t.span().of(text).strip())).toList(),
                    d.goals().stream().map(g -> g.text() != null ? g : withText(g, g.span().of(text))).toList(), d.problems())
                    : new PolicyDocument(d.id(), d.source(), text, d.meta(), d.root(), d.tasks(), d.goals(), d.problems()));
        } catch (IndexOutOfBoundsException bad) {
            used.remove(name);
            return Optional.empty(); // a span outside the text: not an entry this class wrote for these bytes
        }
    }

    private static Task withText(Task t, String text) {
        return new Task(t.id(), t.documentId(), t.sectionId(), t.number(), t.title(), text, t.lead(), t.support(), t.span());
    }

    private static Goal withText(Goal g, String text) {
        return new Goal(g.id(), g.documentId(), g.taskId(), text, g.value(), g.year(), g.span());
    }

    /** The document as stored: without its text, and without each text that is its span of it. */
    private static PolicyDocument withoutSourceTexts(PolicyDocument document) {
        String text = document.text();
        return new PolicyDocument(document.id(), document.source(), "", document.meta(), document.root(),
                document.tasks().stream().map(t -> isSpan(t.text(), t.span(), text, true) ? withText(t, null) : t).toList(),
                document.goals().stream().map(g -> isSpan(g.text(), g.span(), text, false) ? withText(g, null) : g).toList(),
                document.problems());
    }

    /** True when {@code value} is the span's text (stripped, with {@code stripped}). */
    private static boolean isSpan(String value, SourceSpan span, String text, boolean stripped) {
        if (span.end() > text.length()) {
            return false;
        }
        String of = span.of(text);
        return value.equals(stripped ? of.strip() : of);
    }

    /** Caches the document made from these bytes under this id, replacing the entry whole. */
    void store(SourceFile file, String documentId, PolicyDocument document) throws IOException {
        if (folder.isEmpty()) {
            return;
        }
        boolean textIsSource = document.text().equals(file.text());
        // a null text would be taken for one left out
        boolean textsFromSpans = textIsSource && document.tasks().stream().allMatch(t -> t.text() != null)
                && document.goals().stream().allMatch(g -> g.text() != null);
        PolicyDocument stored = textsFromSpans ? withoutSourceTexts(document)
                : textIsSource ? new PolicyDocument(document.id(), document.source(), "", document.meta(), document.root(),
                document.tasks(), document.goals(), document.problems())
                : document;
        byte[] json = ENTRY_WRITER.writeValueAsBytes(new Entry(codeIdentity, file.relativePath(), file.contentHash(),
                documentId, textIsSource, textsFromSpans, stored));
        CRC32C crc = new CRC32C();
        crc.update(json);
        String name = entryName(file, documentId);
        StateFile.replace(folder.get(), name, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(String.format("%08x\n", crc.getValue()).getBytes(StandardCharsets.US_ASCII));
                out.write(json);
            }
        });
        used.add(name);
    }

    /** Notes that this build still uses the entry, though it did not read it (a reader remembered the document). */
    void keep(SourceFile file, String documentId) {
        if (folder.isPresent()) {
            used.add(entryName(file, documentId));
        }
    }

    /** Removes every entry this build did not use: of removed or changed sources, of other code, left-over temporaries. */
    void removeUnused() throws IOException {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.get())) {
            for (Path entry : entries) {
                if (!used.contains(entry.getFileName().toString())) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** The entry the bytes hold, if their checksum holds: a damaged file is caught even where it would still parse. */
    private static Optional<Entry> intact(byte[] bytes) {
        if (bytes.length < HEADER || bytes[HEADER - 1] != '\n') {
            return Optional.empty();
        }
        String stated = new String(bytes, 0, HEADER - 1, StandardCharsets.US_ASCII);
        if (!stated.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        if (crc.getValue() != HexFormat.fromHexDigitsToLong(stated)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ENTRY_READER.readValue(bytes, HEADER, bytes.length - HEADER));
        } catch (IOException e) {
            return Optional.empty(); // intact bytes that do not read as an entry: written by a different format
        }
    }

    private boolean matches(Entry entry, SourceFile file, String documentId) {
        return codeIdentity.equals(entry.code()) && file.relativePath().equals(entry.source())
                && file.contentHash().equals(entry.contentHash()) && documentId.equals(entry.documentId())
                && entry.document() != null;
    }

    /** A digest of everything that decides the document, so that an entry's name is its key. */
    String entryName(SourceFile file, String documentId) {
        MessageDigest digest = Sha256.digest();
        for (String part : new String[]{codeIdentity, file.relativePath(), file.contentHash(), documentId}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest()) + ".json";
    }

    /**
     * Records as their components, nothing else: a derived accessor such as {@code Section.isLeaf()} is not a field
     * to write or read back.
     */
    private static ObjectMapper mapper() {
        // An entry holds a whole document's texts; the limit Jackson sets against hostile input is not for our own files.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        return new ObjectMapper(factory).registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }
}
