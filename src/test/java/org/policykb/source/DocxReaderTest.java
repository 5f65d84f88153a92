package org.policykb.source;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.xmlbeans.XmlException;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.policykb.model.Problem;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word documents read as a reader sees them; files that are not .docx are reported, never guessed at. */
class DocxReaderTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private final DocxReader reader = new DocxReader();

    @Test
    void listsContinueAcrossInstancesOfOneListAndRestartWhereWordRestartsThem() throws Exception {
        String body = p("1", "0", "扩大优质资源") + p("1", "1", "新建幼儿园10所") + p("1", "1", "新增学位800个")
                + p("1", "0", "提升教育质量") + p("1", "1", "深化课堂改革")
                + p("2", "0", "另一份清单的第一项") // num 2 restarts level 0 at 1
                + p("3", "0", "接续的一项"); // num 3: same list, no override: runs on
        String text = read(docx(body)).text();
        assertEquals("一、扩大优质资源\n（一）新建幼儿园10所\n（二）新增学位800个\n二、提升教育质量\n（一）深化课堂改革\n"
                + "一、另一份清单的第一项\n二、接续的一项\n", text);
    }

    @Test
    void mergedCellsShowTheirTextOnceAndHiddenTextIsLeftOut() throws Exception {
        String row1 = "<w:tr>" + tc("", "1") + tc("", "城区学校扩容") + tc("<w:vMerge w:val=\"restart\"/>", "市教育局") + "</w:tr>";
        String row2 = "<w:tr>" + tc("", "2") + tc("", "寄宿制学校") + tc("<w:vMerge/>", "") + "</w:tr>";
        String body = "<w:p><w:r><w:t>表1 重点项目</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注）</w:t></w:r></w:p>"
                + "<w:tbl>" + row1 + row2 + "</w:tbl>";
        assertEquals("表1 重点项目\n\t1\n\t城区学校扩容\n\t市教育局\n\n\t2\n\t寄宿制学校\n\n", read(docx(body)).text());
    }

    @Test
    void aDeletedParagraphMarkJoinsTheParagraphToTheNext() throws Exception {
        String body = "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>推进集团化</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>办学。</w:t></w:r></w:p>";
        assertEquals("推进集团化办学。\n", read(docx(body)).text());
    }

    @Test
    void oldWordFilesTextFilesAndEmptyDocumentsAreReportedNotGuessed() throws Exception {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        assertTrue(problem(ole2).message().contains("old binary Word file (.doc)"));
        assertTrue(problem("一、总体要求".getBytes(StandardCharsets.UTF_8)).message().contains("not a ZIP package"));
        byte[] zipNotWord = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertTrue(problem(zipNotWord).message().startsWith("cannot read the Word document"), problem(zipNotWord).message());
        Problem empty = problem(docx(""));
        assertEquals(Problem.Severity.WARNING, empty.severity());
    }

    private Decoded read(byte[] bytes) {
        return assertInstanceOf(Decoded.class, reader.read("a.docx", bytes));
    }

    private Problem problem(byte[] bytes) {
        Problem problem = assertInstanceOf(Undecodable.class, reader.read("a.docx", bytes)).problem();
        assertEquals("a.docx", problem.file());
        return problem;
    }

    private static String p(String numId, String ilvl, String text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + ilvl + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>"
                + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    private static String tc(String tcPr, String text) {
        return "<w:tc><w:tcPr>" + tcPr + "</w:tcPr><w:p>" + (text.isEmpty() ? "" : "<w:r><w:t>" + text + "</w:t></w:r>") + "</w:p></w:tc>";
    }

    /** A document with one two-level list (一、 and （一）) used through three list instances. */
    private static byte[] docx(String body) throws IOException, XmlException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger list = numbering.addAbstractNum(new XWPFAbstractNum(CTAbstractNum.Factory.parse(
                    "<xml-fragment xmlns:w=\"" + W + "\" w:abstractNumId=\"0\">"
                            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
                            + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
                            + "</xml-fragment>")));
            numbering.addNum(list);
            numbering.addNum(new XWPFNum(CTNum.Factory.parse("<xml-fragment xmlns:w=\"" + W + "\" w:numId=\"2\"><w:abstractNumId w:val=\"" + list
                    + "\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></xml-fragment>"), numbering));
            numbering.addNum(list);
            doc.getDocument().getBody().set(CTBody.Factory.parse("<xml-fragment xmlns:w=\"" + W + "\">" + body + "<w:sectPr/></xml-fragment>"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}
