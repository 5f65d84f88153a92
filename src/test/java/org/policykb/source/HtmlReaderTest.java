package org.policykb.source;

import org.junit.jupiter.api.Test;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.parse.PlainTextParser;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.testing.Fixtures;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A web page becomes the text a reader sees, written as the plain-text parser reads text files. */
class HtmlReaderTest {
    private static final Charset GBK = Charset.forName("GBK");
    private final HtmlReader reader = new HtmlReader(new TextDecoder());

    private Decoded read(String html, Charset charset) {
        return assertInstanceOf(Decoded.class, reader.read("page.html", html.getBytes(charset)));
    }

    private String text(String body) {
        return read("<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">" + body + "</div></body></html>",
                StandardCharsets.UTF_8).text();
    }

    @Test
    void paragraphsAndLineBreaksAreLinesAndStylingIsDropped() {
        assertEquals("一、总体要求\n坚持党的全面领导。落实“双减”政策。\n某县教育局\n2024年9月2日\n",
                text("<p style=\"text-indent:2em\"><b>一、</b><span style=\"font-family:黑体\">总体要求</span></p>"
                        + "<p>　　坚持党的全面领导。<font color=red>落实“双减”政策。</font></p>"
                        + "<p align=right>某县教育局<br/>2024年9月2日</p><p>&nbsp;</p>"));
    }

    @Test
    void aSourceLineBreakNextToChineseIsNoSpaceButOtherWhiteSpaceIs() {
        assertEquals("全市新建3处幼儿园, and more 区教体局 区财政局\n",
                text("<p>全市新建\n3处幼儿园,\n  and more 区教体局&nbsp;区财政局</p>"));
    }

    @Test
    void aDataTableIsFlattenedAsTheSamplesFlattenTablesAndALayoutTableIsReadAsItsBlocks() {
        assertEquals("表1 重点项目\n\t序号\n\t项目名称\n\t责任单位\n\n\t1\n\t城区学校扩容\n\t市教育局\n市自然资源局\n\n\t2\n\t寄宿制学校\n\n正文继续。\n",
                text("<p>表1 重点项目</p><table><tr><th>序号</th><th>项目名称</th><th>责任单位</th></tr>"
                        + "<tr><td>1</td><td>城区学校扩容</td><td rowspan=2><p>市教育局</p><p>市自然资源局</p></td></tr>"
                        + "<tr><td>2</td><td>寄宿制学校</td></tr></table><p>正文继续。</p>"));
        assertEquals("第一段。\n第二段。\n", text("<table><tr><td><p>第一段。</p></td></tr><tr><td><p>第二段。</p></td></tr></table>"));
    }

    @Test
    void aFirstRowSpanningTheTableIsItsCaption() {
        assertEquals("表2 重点项目清单\n\t序号\n\t名称\n\n\t1\n\t幼儿园建设与提升工程\n\n",
                text("<table><tr><td colspan=2>表2 重点项目清单</td></tr><tr><td>序号</td><td>名称</td></tr>"
                        + "<tr><td>1</td><td>幼儿园建设与提升工程</td></tr></table>"));
    }

    @Test
    void hiddenElementsScriptsAndStylesAreNotText() {
        assertEquals("正文。\n", text("<p>正文。</p><div style=\"display: none\">隐藏的打印版</div><script>var a = '脚本';</script>"
                + "<style>p { color: red }</style><p hidden>隐藏</p>"));
    }

    @Test
    void linkListsAndPageToolsInsideTheBodyAreNotText() {
        assertEquals("附件：1.重点项目清单\n正文。\n", text("<p>附件：<a href=\"/f.doc\">1.重点项目清单</a></p><p>正文。</p>"
                + "<div><span>【<a>打印本页</a>】</span> <span>【<a>关闭窗口</a>】</span></div>"
                + "<ul><li><a>上一篇：关于做好春季开学工作的通知</a></li><li><a>下一篇：关于开展读书月活动的通知</a></li>"
                + "<li><a>关于公布2024年优秀教研成果的通知</a></li></ul>"));
    }

    @Test
    void anXmlDeclarationNamesTheCharset() {
        String page = "<?xml version=\"1.0\" encoding=\"gb2312\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                + "<div id=\"zoom\"><p>各区县教育局：为做好招生入学工作，现将有关事项通知如下。</p></div></body></html>";
        Decoded decoded = read(page, GBK);
        assertEquals("GB18030", decoded.charset());
        assertEquals("各区县教育局：为做好招生入学工作，现将有关事项通知如下。\n", decoded.text());
    }

    @Test
    void aSingleByteDeclarationDoesNotGarbleChineseText() {
        String page = "<html><head><meta charset=\"iso-8859-1\"></head><body><div class=\"content\">"
                + "<p>各区县教育局：为做好招生入学工作，现将有关事项通知如下。</p></div></body></html>";
        assertEquals("各区县教育局：为做好招生入学工作，现将有关事项通知如下。\n", read(page, GBK).text());
    }

    @Test
    void aFewDamagedBytesInADeclaredPageAreShownAndWarnedAbout() {
        String paragraph = "<p>为切实做好校园安全工作，经研究，决定在全县开展校园安全大排查。现将有关事项通知如下。</p>";
        byte[] bytes = ("<html><head><meta charset=\"gbk\"></head><body><div class=\"content\">" + paragraph.repeat(20)
                + "</div></body></html>").getBytes(GBK);
        int middle = bytes.length / 2;
        while (bytes[middle] >= 0) {
            middle++;
        }
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        damaged[middle] = (byte) 0xFF; // not a GBK lead byte
        Decoded decoded = read(new String(damaged, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertTrue(decoded.text().contains("\uFFFD"));
        Problem warning = decoded.warnings().getFirst();
        assertEquals(Problem.Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("damaged byte sequence"), warning.message());
    }

    @Test
    void frontMatterValuesSurviveTheTripThroughThePlainTextParser() {
        String page = "<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"关于&quot;双减&quot;工作: 第二批 #1\">"
                + "</head><body><div class=\"content\"><p>各区县教育局：现将有关事项通知如下。</p></div></body></html>";
        Decoded decoded = read(page, StandardCharsets.UTF_8);
        ParsedDocument doc = new PlainTextParser().parse(Fixtures.text("page.html", decoded.text()));
        assertEquals("关于\"双减\"工作: 第二批 #1", doc.frontMatter().get("title"));
        assertEquals(java.util.List.of(), doc.problems(), "the front matter is valid YAML");
        for (String title : java.util.List.of("关于'双减'的通知: 第二批", "路径C:\\目录 的说明", "结尾有冒号的标题:", "- 以短横开头的标题")) {
            String escaped = title.replace("&", "&amp;").replace("\"", "&quot;");
            Decoded page2 = read("<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"" + escaped + "\"></head>"
                    + "<body><div class=\"content\"><p>各区县教育局：现将有关事项通知如下。</p></div></body></html>", StandardCharsets.UTF_8);
            ParsedDocument doc2 = new PlainTextParser().parse(Fixtures.text("page.html", page2.text()));
            assertEquals(java.util.List.of(), doc2.problems(), page2.text());
            assertEquals(title, doc2.frontMatter().get("title"), page2.text());
        }
    }
}
