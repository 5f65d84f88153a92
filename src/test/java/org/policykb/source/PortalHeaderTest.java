package org.policykb.source;

import org.junit.jupiter.api.Test;
import org.policykb.source.DecodeResult.Decoded;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The header portals print above a document, in the layouts portals use, becomes front matter. */
class PortalHeaderTest {
    private static final String BODY = "<div class=\"TRS_Editor\"><p>各区县人民政府，市政府各部门：</p><p>现将有关事项通知如下。</p></div>";
    private final HtmlReader reader = new HtmlReader(new TextDecoder());

    private String frontMatter(String header) {
        String html = "<html><head><meta charset=\"utf-8\"></head><body>" + header + BODY + "</body></html>";
        String text = assertInstanceOf(Decoded.class, reader.read("page.html", html.getBytes(StandardCharsets.UTF_8))).text();
        int end = text.indexOf("\n---\n");
        return end < 0 ? "" : text.substring(0, end + 5);
    }

    @Test
    void labelsWithoutColonsInCellsAndCommentWrappedValues() {
        assertEquals("---\ndocNumber: 锡府发〔2026〕7号\nissuer: 无锡市锡山区人民政府办公室\ndate: 2026-08-20\n---\n", frontMatter("""
                <table><tr><td class="t">信息索引号</td><td>014034703/2026-00839</td><td class="t">发文日期</td><td>2026-08-20</td>
                <td class="t">公开日期</td><td>2026-08-25</td></tr>
                <tr><td class="t">文件编号</td><td><!--<$[WJBH]>-->锡府发〔2026〕7号<!--<$[WJBH]>--></td><td class="t">效力状况</td><td>有效</td></tr>
                <tr><td class="t">发布机构</td><td>无锡市锡山区人民政府办公室</td><td class="t">公开方式</td><td>主动公开</td></tr></table>
                """));
    }

    @Test
    void theMoreTrustedLabelWinsAndPlaceholdersAreNoValues() {
        assertEquals("---\ndocNumber: 国令第711号\nissuer: 国务院\n---\n", frontMatter("""
                <table><tr><th>文号</th><td>—&nbsp;&nbsp;—</td></tr><tr><th>发布机构：</th><td>司法部</td></tr>
                <tr><th>发文字号：</th><td>国令第711号</td></tr><tr><th> 制发机关 : </th><td>国务院</td></tr></table>
                """));
    }

    @Test
    void definitionListsAndListsWithTheColonOutsideTheLabel() {
        assertEquals("---\ndocNumber: 闽政〔2024〕9号\nissuer: 福建省人民政府\n---\n",
                frontMatter("<dl><dt>文号</dt><dd>闽政〔2024〕9号</dd><dt>发布单位：</dt><dd>福建省人民政府</dd><dt>公开方式</dt><dd>主动公开</dd></dl>"));
        assertEquals("---\ndocNumber: 苏科〔2025〕12号\nissuer: 江苏省科学技术厅\ndate: 2025-03-01\n---\n",
                frontMatter("<ul class=\"xxgk\"><li><span>发文字号</span>：苏科〔2025〕12号</li>"
                        + "<li><span class=\"lab\">发布机构：</span><span>江苏省科学技术厅</span></li><li><span>成文日期</span>2025-03-01</li></ul>"));
    }

    @Test
    void columnHeadingsOfATableInTheDocumentAreNoHeader() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\"><p>现将废止的文件目录公布如下。</p>"
                + "<p>表1 废止文件目录</p><table><tr><td>序号</td><td>文件名称</td><td>文号</td></tr>"
                + "<tr><td>1</td><td>关于加强校车管理的通知</td><td>某教发〔2012〕3号</td></tr></table></div></body></html>";
        String text = assertInstanceOf(Decoded.class, reader.read("page.html", html.getBytes(StandardCharsets.UTF_8))).text();
        assertEquals("现将废止的文件目录公布如下。\n表1 废止文件目录\n\t序号\n\t文件名称\n\t文号\n\n\t1\n\t关于加强校车管理的通知\n\t某教发〔2012〕3号\n\n", text);
    }

    @Test
    void aColumnNameInArticleTitleIsNoTitleAndThePageHeadingIsAHint() {
        String html = "<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"通知公告\"><meta name=\"ColumnName\" content=\"通知公告\">"
                + "</head><body><h1>某市教育局关于做好暑期安全工作的通知</h1>" + BODY + "</body></html>";
        String text = assertInstanceOf(Decoded.class, reader.read("page.html", html.getBytes(StandardCharsets.UTF_8))).text();
        assertEquals("---\ntitleHint: 某市教育局关于做好暑期安全工作的通知\n---\n", text.substring(0, text.indexOf("\n---\n") + 5));
    }

    @Test
    void severalLabelsInOneLine() {
        assertEquals("---\ntitle: 关于做好2025年中小学招生入学工作的通知\ndocNumber: 某教发〔2025〕12号\ndate: 2025-04-01\n---\n",
                frontMatter("<div class=\"info\"><p>标　　题：关于做好2025年中小学招生入学工作的通知</p>"
                        + "<p>发文字号：某教发〔2025〕12号　成文日期：2025年4月1日　发布日期：2025年4月3日</p></div>"));
    }
}
