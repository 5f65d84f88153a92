package org.policykb.testing;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the fixtures of {@code sites/formats} from the sample texts, so they can be regenerated:
 * {@code mvn test -Dtest=FormatFixtureWriter -Dpolicykb.regenerate=true}. The files are committed, so the
 * tests need neither this writer nor LibreOffice.
 * <ul>
 *   <li>portal-gbk.html: sample 001 as a GB2312-declared portal page with navigation, a 发文字号 header table,
 *       a content container with paragraphs and the 表2 table, print links, related links, footer, scripts;</li>
 *   <li>meta-only.htm: sample 003 as a UTF-8 page whose only metadata are meta tags, with Word-style line
 *       wrapping inside paragraphs;</li>
 *   <li>numbered.docx: sample 001 with Word's automatic multi-level numbering (一、 via a heading style,
 *       （一） and 1． via the paragraphs), the table, a bookmark, a comment, a tracked deletion and
 *       insertion, hidden text, and a stale core-properties title;</li>
 *   <li>legacy.doc (an OLE2 header, the old binary format) and damaged.docx (numbered.docx cut short).</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "policykb.regenerate", matches = "true")
class FormatFixtureWriter {
    static final String PLAN = "001_9519b755a898c3c4.txt";
    static final String WORK_POINTS = "003_b9182d471b85b56e.txt";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]+)、(.*)");
    private static final Pattern SECTION = Pattern.compile("^（([一二三四五六七八九十]+)）(.*)");
    private static final Pattern ITEM = Pattern.compile("^(\\d+)．(.*)");
    private static final Pattern LEFTOVER = Pattern.compile("^\\[bookmark: [^\\]]+\\]");
    private static final String CN = "一二三四五六七八九十";

    /** A paragraph line of a sample, or its table (caption, rows of cells of lines). */
    sealed interface Piece permits Para, Table {
    }

    record Para(String text) implements Piece {
    }

    record Table(String caption, List<List<List<String>>> rows) implements Piece {
    }

    @Test
    void write() throws IOException, XmlException {
        Path out = Fixtures.site("formats");
        Files.createDirectories(out);
        List<Piece> plan = pieces(Files.readString(Fixtures.content().resolve(PLAN)));
        List<Piece> workPoints = pieces(Files.readString(Fixtures.content().resolve(WORK_POINTS)));
        Charset gbk = Charset.forName("GBK");
        String portal = portalPage(plan);
        if (!gbk.newEncoder().canEncode(portal)) {
            throw new IllegalStateException("sample 001 has characters GBK cannot encode");
        }
        Files.write(out.resolve("portal-gbk.html"), portal.getBytes(gbk));
        Files.writeString(out.resolve("meta-only.htm"), metaOnlyPage(workPoints), StandardCharsets.UTF_8);
        byte[] docx = docx(plan);
        Files.write(out.resolve("numbered.docx"), docx);
        Files.write(out.resolve("damaged.docx"), Arrays.copyOf(docx, docx.length * 3 / 5));
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Files.write(out.resolve("legacy.doc"), ole2);
    }

    /** The sample's non-blank lines as paragraphs, and its flattened 表N table as a table. */
    static List<Piece> pieces(String text) {
        List<String> lines = text.lines().toList();
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("表") && i + 1 < lines.size() && lines.get(i + 1).startsWith("\t")) {
                List<List<List<String>>> rows = new ArrayList<>();
                List<List<String>> row = new ArrayList<>();
                int j = i + 1;
                for (; j < lines.size(); j++) {
                    String l = lines.get(j);
                    if (l.isBlank()) {
                        if (!row.isEmpty()) {
                            rows.add(row);
                            row = new ArrayList<>();
                        }
                        if (j + 1 < lines.size() && !lines.get(j + 1).startsWith("\t")) {
                            break;
                        }
                    } else if (l.startsWith("\t")) {
                        row.add(new ArrayList<>(List.of(l.substring(1).strip())));
                    } else {
                        row.getLast().add(l.strip());
                    }
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
                pieces.add(new Table(line.strip(), rows));
                i = j;
            } else if (!line.isBlank()) {
                pieces.add(new Para(LEFTOVER.matcher(line.strip()).replaceFirst("")));
            }
        }
        return pieces;
    }

    private static String portalPage(List<Piece> plan) {
        StringBuilder body = new StringBuilder();
        for (Piece piece : plan) {
            switch (piece) {
                case Para(String text) when text.equals("淄川区人民政府") -> { } // the signature, written with its date below
                case Para(String text) when text.equals("2022年12月28日") ->
                        body.append("<p style=\"text-align:right\">淄川区人民政府<br>\n2022年12月28日</p>\n");
                case Para(String text) -> body.append("<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312;font-size:16pt\">")
                        .append(html(text)).append("</span></p>\n");
                case Table table -> body.append(htmlTable(table, true));
            }
        }
        return """
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
                <html><head>
                <meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
                <title>淄川区人民政府关于印发淄川区教育事业发展“十四五”规划的通知_区政府文件_淄川区人民政府</title>
                <meta name="SiteName" content="淄川区人民政府" />
                <meta name="ColumnName" content="区政府文件" />
                <style type="text/css">.TRS_Editor p { line-height: 2; } .hidden-print { display: none; }</style>
                <script type="text/javascript">var _hmt = _hmt || []; document.write("网站统计脚本");</script>
                </head>
                <body>
                <div class="header"><div class="logo">淄川区人民政府</div>
                <ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
                <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 区政府文件</div>
                <div class="xxgk-head"><table class="bd1" cellpadding="0" cellspacing="0">
                <tr><td><b>索&nbsp;引&nbsp;号：</b></td><td>113703020041880123/2022-00123</td><td><b>主题分类：</b></td><td>教育</td></tr>
                <tr><td><b>发文机关：</b></td><td>淄川区人民政府</td><td><b>成文日期：</b></td><td>2022年12月28日</td></tr>
                <tr><td><b>标　　题：</b></td><td colspan="3">淄川区人民政府关于印发淄川区教育事业发展“十四五”规划的通知</td></tr>
                <tr><td><b>发文字号：</b></td><td>川政发〔2022〕10号</td><td><b>发布日期：</b></td><td>2023年01月05日</td></tr>
                </table></div>
                <div class="article">
                <h1 class="article-title">淄川区人民政府关于印发淄川区教育事业发展“十四五”规划的通知</h1>
                <div class="info">来源：区政府办公室　浏览次数：1024　<span class="hidden-print">字号：<a>大</a> <a>中</a> <a>小</a></span></div>
                <div id="zoom" class="TRS_Editor">
                """ + body + """
                </div>
                <div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
                <div class="related"><h3>相关文件</h3><ul>
                <li><a href="/a.html">淄川区人民政府关于印发淄川区养老服务体系建设规划的通知</a></li>
                <li><a href="/b.html">淄川区人民政府关于印发淄川区卫生健康事业发展规划的通知</a></li>
                <li><a href="/c.html">淄川区人民政府办公室关于做好全区春季学校安全工作的通知</a></li>
                </ul></div>
                </div>
                <div class="footer">主办单位：淄川区人民政府办公室　承办单位：淄川区大数据中心　鲁ICP备05012345号　网站标识码：3703020001</div>
                <script type="text/javascript">document.getElementById("zoom").style.fontSize = "16px"; // 责任编辑：张三</script>
                </body></html>
                """;
    }

    private static String metaOnlyPage(List<Piece> workPoints) {
        StringBuilder body = new StringBuilder();
        for (Piece piece : workPoints) {
            switch (piece) {
                case Para(String text) when text.length() > 60 -> {
                    // Word's HTML wraps long paragraphs in the source; the line break between Chinese characters is no space.
                    int cut = text.length() / 2;
                    body.append("<p class=MsoNormal><span style='font-family:仿宋'>").append(html(text.substring(0, cut)))
                            .append("\n").append(html(text.substring(cut))).append("</span></p>\n");
                }
                case Para(String text) -> body.append("<p class=MsoNormal>").append(html(text)).append("<o:p></o:p></p>\n");
                case Table table -> body.append(htmlTable(table, false));
            }
        }
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="ArticleTitle" content="中共淄博市委教育工委 淄博市教育局2020年工作要点">
                <meta name="PubDate" content="2020-03-02 10:30">
                <meta name="ContentSource" content="淄博市教育局">
                <title>中共淄博市委教育工委 淄博市教育局2020年工作要点-淄博市教育局</title>
                <script>window.dataLayer = []; function track(){ return "页面统计"; }</script>
                </head><body>
                <header><h1>淄博市教育局</h1></header>
                <nav><a href="/">首页</a> | <a href="/xwzx/">新闻中心</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></nav>
                <main><article><div class="content">
                """ + body + """
                </div></article></main>
                <aside><h2>热点新闻</h2><ul><li><a href="/1.html">全市教育系统召开安全工作会议</a></li><li><a href="/2.html">淄博市举办中小学校长论坛</a></li><li><a href="/3.html">全市中考报名工作启动</a></li></ul></aside>
                <footer>淄博市教育局 版权所有　地址：淄博市张店区人民西路</footer>
                <noscript>请启用浏览器脚本</noscript>
                </body></html>
                """;
    }

    private static String htmlTable(Table table, boolean captionAbove) {
        StringBuilder out = new StringBuilder();
        if (captionAbove) {
            out.append("<p style=\"text-align:center\"><b>").append(html(table.caption())).append("</b></p>\n");
        }
        out.append("<table border=\"1\" cellspacing=\"0\">\n");
        if (!captionAbove) {
            out.append("<caption>").append(html(table.caption())).append("</caption>\n");
        }
        for (List<List<String>> row : table.rows()) {
            out.append("<tr>");
            for (List<String> cell : row) {
                out.append("<td><p>").append(String.join("<br>", cell.stream().map(FormatFixtureWriter::html).toList())).append("</p></td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("  ", " &nbsp;");
    }

    private static byte[] docx(List<Piece> plan) throws IOException, XmlException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(CTAbstractNum.Factory.parse(
                    "<xml-fragment xmlns:w=\"" + W + "\" w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
                            + level(0, "chineseCounting", "%1、", "nothing")
                            + level(1, "chineseCounting", "（%2）", "nothing")
                            + level(2, "decimal", "%3．", "tab")
                            + "</xml-fragment>")));
            BigInteger numId = numbering.addNum(abstractId);
            XWPFStyles styles = doc.createStyles();
            styles.addStyle(new XWPFStyle(CTStyle.Factory.parse("<xml-fragment xmlns:w=\"" + W + "\" w:type=\"paragraph\" w:styleId=\"Heading1\">"
                    + "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
                    + "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + numId + "\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
                    + "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/></w:rPr></xml-fragment>")));
            styles.addStyle(new XWPFStyle(CTStyle.Factory.parse("<xml-fragment xmlns:w=\"" + W + "\" w:type=\"paragraph\" w:styleId=\"Title\">"
                    + "<w:name w:val=\"Title\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr></xml-fragment>")));
            XWPFComments comments = doc.createComments();
            XWPFComment comment = comments.createComment(BigInteger.ZERO);
            comment.setAuthor("审核人");
            comment.createParagraph().createRun().setText("批注：此处请核对原文");
            doc.getProperties().getCoreProperties().setTitle("关于印发2021年工作要点的通知");

            StringBuilder body = new StringBuilder("<xml-fragment xmlns:w=\"" + W + "\">");
            int[] count = new int[3];
            for (Piece piece : plan) {
                switch (piece) {
                    case Para(String text) -> body.append(paragraph(text, count, numId));
                    case Table table -> {
                        body.append(plain(table.caption()));
                        body.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>");
                        for (List<List<String>> row : table.rows()) {
                            body.append("<w:tr>");
                            for (List<String> cell : row) {
                                body.append("<w:tc>");
                                cell.forEach(line -> body.append(plain(line)));
                                body.append("</w:tc>");
                            }
                            body.append("</w:tr>");
                        }
                        body.append("</w:tbl>");
                    }
                }
            }
            body.append("<w:sectPr/></xml-fragment>");
            doc.getDocument().getBody().set(CTBody.Factory.parse(body.toString()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static String level(int ilvl, String format, String text, String suffix) {
        return "<w:lvl w:ilvl=\"" + ilvl + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format + "\"/>"
                + "<w:suff w:val=\"" + suffix + "\"/><w:lvlText w:val=\"" + text + "\"/><w:lvlJc w:val=\"left\"/></w:lvl>";
    }

    /** A sample line as a paragraph; a marker that automatic numbering would produce becomes numbering. */
    private static String paragraph(String text, int[] count, BigInteger numId) {
        Matcher m;
        int level = -1;
        int value = 0;
        String rest = text;
        if ((m = CHAPTER.matcher(text)).matches() && CN.indexOf(m.group(1)) >= 0 && m.group(1).length() == 1) {
            level = 0;
            value = CN.indexOf(m.group(1)) + 1;
            rest = m.group(2);
        } else if ((m = SECTION.matcher(text)).matches() && m.group(1).length() == 1) {
            level = 1;
            value = CN.indexOf(m.group(1)) + 1;
            rest = m.group(2);
        } else if ((m = ITEM.matcher(text)).matches()) {
            level = 2;
            value = Integer.parseInt(m.group(1));
            rest = m.group(2);
        }
        if (level < 0 || value != count[level] + 1) {
            return plain(text);
        }
        count[level]++;
        for (int deeper = level + 1; deeper < count.length; deeper++) {
            count[deeper] = 0;
        }
        String pPr = level == 0 ? "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"
                : "<w:pPr><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>";
        return "<w:p>" + pPr + runs(rest) + "</w:p>";
    }

    /** The text's runs, with the review marks a working document carries on some of its paragraphs. */
    private static String runs(String text) {
        if (text.startsWith("推动信息技术条件下的教学创新")) {
            return "<w:bookmarkStart w:id=\"1\" w:name=\"_Hlk103589121\"/>" + run(text) + "<w:bookmarkEnd w:id=\"1\"/>";
        }
        if (text.equals("基本原则")) {
            return "<w:commentRangeStart w:id=\"0\"/>" + run(text) + "<w:commentRangeEnd w:id=\"0\"/>"
                    + "<w:r><w:commentReference w:id=\"0\"/></w:r>";
        }
        if (text.startsWith("坚持党的全面领导。")) {
            int cut = "坚持党的全面领导。".length();
            return run(text.substring(0, cut))
                    + "<w:del w:id=\"11\" w:author=\"审核人\"><w:r><w:delText>（此句已删除：旧的表述）</w:delText></w:r></w:del>"
                    + "<w:ins w:id=\"12\" w:author=\"审核人\">" + run(text.substring(cut, cut + 10)) + "</w:ins>"
                    + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的编辑备注</w:t></w:r>"
                    + run(text.substring(cut + 10));
        }
        return run(text);
    }

    private static String plain(String text) {
        String style = text.equals("淄川区教育事业发展“十四五”规划") ? "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>" : "";
        return "<w:p>" + style + run(text) + "</w:p>";
    }

    private static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</w:t></w:r>";
    }
}
