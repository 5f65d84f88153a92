package org.policykb.source;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.policykb.model.Problem;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a Word document (.docx) with Apache POI into its {@link CanonicalText}: paragraphs with the markers of
 * Word's automatic numbering (see {@link WordNumbering}), line breaks, tables; tracked insertions kept, tracked
 * deletions, comments, bookmarks, field codes and hidden text left out. The core properties' title goes in front
 * as a title hint, used only when the text has no title lines of its own. Thread-safe.
 */
public final class DocxReader {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    public DecodeResult read(String fileName, byte[] bytes) {
        if (startsWith(bytes, OLE2)) {
            return new Undecodable(Problem.error(fileName, 0, "not a .docx: this is an old binary Word file (.doc) "
                    + "or a password-protected document; save it as .docx without a password"));
        }
        if (!startsWith(bytes, ZIP)) {
            return new Undecodable(Problem.error(fileName, 0, "not a .docx: the file is not a ZIP package as Word "
                    + "documents are; it is damaged or misnamed"));
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            CanonicalText out = new CanonicalText();
            new Walker(new WordNumbering(document), out).body((Element) document.getDocument().getBody().getDomNode());
            if (!out.hasBody()) {
                return new Undecodable(Problem.warning(fileName, 0, "the Word document has no text, so it was left out"));
            }
            // Word keeps the title of the template a document was made from: only a hint, for a text without a head.
            coreTitle(document).ifPresent(title -> out.meta("titleHint", title));
            return new Decoded(out.text(), StandardCharsets.UTF_8.name());
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException
                 | IllegalStateException e) {
            // POI reports a damaged package (bad ZIP, missing parts, bad XML) with these; IllegalArgumentException
            // covers its NotOfficeXmlFileException and EmptyFileException.
            return new Undecodable(Problem.error(fileName, 0, "cannot read the Word document: it is damaged or not a "
                    + ".docx (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
        }
    }

    private static Optional<String> coreTitle(XWPFDocument document) {
        String title = document.getProperties().getCoreProperties().getTitle();
        return title == null || HtmlText.han(title) < 4 ? Optional.empty() : Optional.of(title.strip());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Walks the WordprocessingML of the body in document order, through its DOM view: poi-ooxml-lite has
     * schema types only for what POI itself uses, so typed access would fail on elements such as w:suff.
     */
    private static final class Walker {
        private final WordNumbering numbering;
        private final CanonicalText out;
        /** Text of paragraphs whose mark was deleted: it runs on into the next paragraph. */
        private final StringBuilder carried = new StringBuilder();

        Walker(WordNumbering numbering, CanonicalText out) {
            this.numbering = numbering;
            this.out = out;
        }

        void body(Element body) {
            blocks(body);
            if (!carried.isEmpty()) {
                out.paragraph(carried.toString());
                carried.setLength(0);
            }
        }

        private void blocks(Element container) {
            for (Element child : children(container)) {
                switch (name(child)) {
                    case "p" -> paragraph(child).ifPresent(out::paragraph);
                    case "tbl" -> table(child);
                    case "sdt" -> child(child, "sdtContent").ifPresent(this::blocks);
                    case "customXml", "ins", "moveTo" -> blocks(child);
                    default -> { }
                }
            }
        }

        /** The paragraph's text with its numbering marker; empty while its deleted mark joins it to the next. */
        private Optional<String> paragraph(Element p) {
            String marker = numbering.next(p).orElse("");
            StringBuilder text = new StringBuilder(carried);
            carried.setLength(0);
            runs(p, text);
            String line = text.isEmpty() ? "" : marker + text;
            if (markDeleted(p)) {
                carried.append(line);
                return Optional.empty();
            }
            return line.isBlank() ? Optional.empty() : Optional.of(line);
        }

        private void runs(Element container, StringBuilder text) {
            for (Element child : children(container)) {
                switch (name(child)) {
                    case "r" -> run(child, text);
                    case "ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo" -> runs(child, text);
                    case "sdt" -> child(child, "sdtContent").ifPresent(c -> runs(c, text));
                    default -> { } // del, moveFrom, bookmarks, comment ranges, proofing marks, pPr
                }
            }
        }

        private void run(Element r, StringBuilder text) {
            if (child(r, "rPr").map(Walker::hidden).orElse(false)) {
                return;
            }
            for (Element part : children(r)) {
                switch (name(part)) {
                    case "t" -> text.append(textOf(part));
                    case "tab", "ptab" -> text.append('\t');
                    case "br", "cr" -> text.append('\n');
                    case "noBreakHyphen" -> text.append('-');
                    default -> { } // delText, instrText, commentReference, footnoteReference, drawings
                }
            }
        }

        private void table(Element tbl) {
            List<List<String>> rows = new ArrayList<>();
            for (Element tr : children(tbl)) {
                if (!name(tr).equals("tr")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Element tc : children(tr)) {
                    if (name(tc).equals("tc")) {
                        cells.add(continuesMerge(tc) ? "" : cellText(tc));
                    }
                }
                rows.add(cells);
            }
            if (rows.stream().allMatch(row -> row.size() < 2)) {
                rows.forEach(row -> row.forEach(out::paragraph)); // a one-column table frames text
            } else {
                out.table(rows);
            }
        }

        private String cellText(Element tc) {
            List<String> lines = new ArrayList<>();
            for (Element child : children(tc)) {
                switch (name(child)) {
                    case "p" -> paragraph(child).ifPresent(lines::add);
                    case "tbl" -> children(child).stream().filter(tr -> name(tr).equals("tr"))
                            .flatMap(tr -> children(tr).stream()).filter(c -> name(c).equals("tc"))
                            .map(this::cellText).forEach(lines::add);
                    default -> { }
                }
            }
            if (!carried.isEmpty()) {
                lines.add(carried.toString());
                carried.setLength(0);
            }
            return String.join("\n", lines);
        }

        /** A cell that continues a vertical merge shows nothing of its own: the text stands in the first row. */
        private static boolean continuesMerge(Element tc) {
            Optional<Element> vMerge = child(tc, "tcPr").flatMap(pr -> child(pr, "vMerge"));
            return vMerge.isPresent() && !"restart".equals(val(vMerge.get()));
        }

        /** A tracked deletion of the paragraph mark joins the paragraph to the next. */
        private static boolean markDeleted(Element p) {
            return child(p, "pPr").flatMap(pPr -> child(pPr, "rPr")).flatMap(rPr -> child(rPr, "del")).isPresent();
        }

        private static boolean hidden(Element rPr) {
            Optional<Element> vanish = child(rPr, "vanish").or(() -> child(rPr, "webHidden"));
            return vanish.isPresent() && !List.of("0", "false", "off").contains(val(vanish.get()));
        }
    }

    /** The WordprocessingML child elements, in order; elements of other namespaces (drawings, markup compatibility) are skipped. */
    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                children.add(e);
            }
        }
        return children;
    }

    /** The element's character data (XMLBeans' DOM has no getTextContent). */
    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString();
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(c -> name(c).equals(name)).findFirst();
    }

    static String name(Element element) {
        return element.getLocalName() == null ? "" : element.getLocalName();
    }

    /** The w:val attribute, or "" when there is none. */
    static String val(Element element) {
        return element.getAttributeNS(W, "val");
    }
}
