package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.DocumentMeta;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages laid out as government portals lay them out (a national portal's header table, a provincial
 * portal's labelled list, 【】 labels, pages with no header and no content container, mis-declared and
 * undeclared charsets): title, 发文字号, issuer and date come out right, and no page fails the build.
 */
class PortalPagesTest {
    private static final String NOTICE_BODY = """
            <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
            <p>　　为进一步加强中小学生体质健康工作，经国务院同意，现就有关事项通知如下。</p>
            <p>　　一、保证体育锻炼时间。中小学校要保证学生每天校内体育活动时间不少于1小时。（教育部负责）</p>
            <p>　　二、改善场地设施条件。到2027年，学校体育场地设施达标率达到95%以上。（国家发展改革委、教育部、财政部负责）</p>
            <p style="text-align:right">国务院办公厅<br>2025年3月18日</p>
            <p>（此件公开发布）</p>
            """;

    @TempDir
    Path content;

    @Test
    void nationalPortalHeaderTable() throws IOException {
        write("gov.html", StandardCharsets.UTF_8, """
                <html><head><meta charset="utf-8"><title>国务院办公厅关于进一步加强中小学生体质健康工作的通知_国务院文件_中国政府网</title></head>
                <body><div class="header"><a href="/">首页</a><a href="/zhengce/">政策</a></div>
                <table class="border-table noneBorder pc_border"><tbody>
                <tr><td class="textLabel"><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b></td><td>000014349/2025-00031</td><td><b>主题分类：</b></td><td>科技、教育\\教育</td></tr>
                <tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2025年03月18日</td></tr>
                <tr><td><b>标&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;题：</b></td><td colspan="3">国务院办公厅关于进一步加强中小学生体质健康工作的通知</td></tr>
                <tr><td><b>发文字号：</b></td><td>国办发〔2025〕7号</td><td><b>发布日期：</b></td><td>2025年03月25日</td></tr>
                </tbody></table>
                <div class="article oneColumn pub_border"><h1>国务院办公厅关于进一步加强中小学生体质健康工作的通知</h1>
                <div class="pages-date">2025-03-25 17:00 <span class="font">来源： 中国政府网</span></div>
                <div class="pages_content mhide" id="UCAP-CONTENT">
                <p style="text-align:center">国务院办公厅关于进一步加强中小学生体质健康工作的通知</p>
                <p style="text-align:center">国办发〔2025〕7号</p>
                """ + NOTICE_BODY + """
                </div><div class="editor">【我要纠错】 责任编辑：王洋</div></div>
                <div class="footer">中国政府网 版权所有 京ICP备05070218号</div></body></html>
                """);
        DocumentMeta meta = only().meta();
        assertEquals("国务院办公厅关于进一步加强中小学生体质健康工作的通知", meta.title());
        assertEquals(Optional.of("国办发〔2025〕7号"), meta.docNumber());
        assertEquals(Optional.of("国务院办公厅"), meta.issuer());
        assertEquals(Optional.of(LocalDate.of(2025, 3, 18)), meta.date(), "成文日期, not 发布日期");
        assertFalse(only().text().contains("责任编辑"));
        assertFalse(only().text().contains("索引号"));
    }

    @Test
    void provincialPortalLabelledListAndTransmittal() throws IOException {
        write("sd.html", StandardCharsets.UTF_8, """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
                <meta name="ArticleTitle" content="山东省人民政府关于印发山东省教育强省建设规划纲要的通知">
                <title>山东省人民政府关于印发山东省教育强省建设规划纲要的通知</title></head><body>
                <div class="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>
                <div class="wip_art_con"><div class="xxgk-info"><ul>
                <li><span>索引号：</span>11370000004609769G/2025-00123</li>
                <li><span>发布机构：</span>山东省人民政府</li>
                <li><span>发文字号：</span>鲁政发〔2025〕2号</li>
                <li><span>成文日期：</span>2025-01-20</li></ul></div>
                <div class="article-content" id="zoom"><div class="TRS_Editor">
                <p>各市人民政府，省政府各部门、各直属机构：</p>
                <p>现将《山东省教育强省建设规划纲要》印发给你们，请认真贯彻执行。</p>
                <p align="right">山东省人民政府</p><p align="right">2025年1月20日</p>
                <p>（此件公开发布）</p>
                <p align="center">山东省教育强省建设规划纲要</p>
                <p>一、总体要求</p><p>到2035年，建成教育强省。</p>
                </div></div></div>
                <div class="footer">山东省人民政府办公厅主办</div></body></html>
                """);
        DocumentMeta meta = only().meta();
        assertEquals("山东省教育强省建设规划纲要", meta.title(), "a transmittal is known by what it transmits");
        assertEquals(Optional.of("鲁政发〔2025〕2号"), meta.docNumber());
        assertEquals(Optional.of("山东省人民政府"), meta.issuer());
        assertEquals(Optional.of(LocalDate.of(2025, 1, 20)), meta.date());
    }

    @Test
    void bracketLabelsAndSeveralIssuers() throws IOException {
        write("joint.html", StandardCharsets.UTF_8, """
                <html><head><meta charset="utf-8"><title>关于做好2025年中小学招生入学工作的通知</title></head><body>
                <div class="info"><p>【标题】关于做好2025年中小学招生入学工作的通知</p>
                <p>【发文机关】中共某市委教育工委 某市教育局</p><p>【发文字号】某教发〔2025〕12号</p></div>
                <div class="content"><p>各区县教育局：</p>
                <p>为做好2025年中小学招生入学工作，现将有关事项通知如下。</p>
                <p>一、坚持免试就近入学。各区县要合理划定学区。（各区县教育局负责）</p>
                <p>中共某市委教育工委　某市教育局</p><p>2025年4月1日</p></div></body></html>
                """);
        DocumentMeta meta = only().meta();
        assertEquals("关于做好2025年中小学招生入学工作的通知", meta.title());
        assertEquals(Optional.of("某教发〔2025〕12号"), meta.docNumber());
        assertEquals(Optional.of("中共某市委教育工委、某市教育局"), meta.issuer());
    }

    @Test
    void aPageWithoutHeaderOrContainerIsReadFromItsDensestTextAndItsHeading() throws IOException {
        write("plain.htm", Charset.forName("GBK"), """
                <html><head><title>县教育局关于开展校园安全大排查的通知 - 某县人民政府</title></head><body>
                <table width="1000"><tr><td><a href="/">网站首页</a> <a href="/a">机构概况</a> <a href="/b">政务公开</a> <a href="/c">办事服务</a></td></tr></table>
                <table width="1000"><tr><td width="200"><div><a href="/x">通知公告</a></div><div><a href="/y">工作动态</a></div><div><a href="/z">政策解读</a></div></td>
                <td><div><h2>某县教育局关于开展校园安全大排查的通知</h2></div>
                <div><p>某教字〔2024〕21号</p><p>各中小学校、幼儿园：</p>
                <p>为切实做好校园安全工作，经研究，决定在全县开展校园安全大排查。现将有关事项通知如下：</p>
                <p>一、排查范围。全县各级各类学校和幼儿园。</p>
                <p>二、工作要求。各学校要于9月30日前完成自查。</p>
                <p>某县教育局</p><p>2024年9月2日</p></div></td></tr></table>
                <div>版权所有：某县人民政府 技术支持：某某网络公司</div></body></html>
                """);
        PolicyDocument d = only();
        assertEquals("GB18030", charsetOf(d));
        assertEquals("某县教育局关于开展校园安全大排查的通知", d.meta().title());
        assertEquals(Optional.of("某教字〔2024〕21号"), d.meta().docNumber());
        assertEquals(Optional.of("某县教育局"), d.meta().issuer());
        assertFalse(d.text().contains("技术支持"), d.text());
        assertFalse(d.text().contains("工作动态"), d.text());
    }

    @Test
    void aUtf8PageDeclaredAsGb2312IsReadAsUtf8() throws IOException {
        write("mislabelled.html", StandardCharsets.UTF_8, """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><meta name="ArticleTitle" content="国务院办公厅关于进一步加强中小学生体质健康工作的通知"></head>
                <body><div id="zoom">""" + NOTICE_BODY + "</div></body></html>");
        KnowledgeBase kb = KnowledgeBaseReader.read(content);
        PolicyDocument d = kb.documents().getFirst();
        assertEquals("国务院办公厅关于进一步加强中小学生体质健康工作的通知", d.meta().title());
        assertEquals(Optional.of("国务院办公厅"), d.meta().issuer());
        assertTrue(d.text().contains("各省、自治区、直辖市人民政府"));
    }

    @Test
    void aPageWhoseTextIsDrawnByScriptIsWarnedAboutAndTheBuildGoesOn() throws IOException {
        write("script.html", StandardCharsets.UTF_8, """
                <html><head><meta charset="utf-8"><title>某市教育局</title></head>
                <body><div id="app"></div><script>document.getElementById('app').innerHTML = '<p>正文由脚本生成</p>';</script></body></html>
                """);
        write("gov.html", StandardCharsets.UTF_8, "<html><body><div class=\"content\">" + NOTICE_BODY + "</div></body></html>");
        KnowledgeBase kb = KnowledgeBaseReader.read(content);
        assertEquals(1, kb.documents().size());
        Problem problem = kb.problems().stream().filter(p -> p.file().equals("script.html")).findFirst().orElseThrow();
        assertEquals(Problem.Severity.WARNING, problem.severity());
        assertTrue(problem.message().contains("no document text"), problem.message());
    }

    private void write(String name, Charset charset, String html) throws IOException {
        Files.write(content.resolve(name), html.getBytes(charset));
    }

    private PolicyDocument only() {
        KnowledgeBase kb = KnowledgeBaseReader.read(content);
        assertEquals(1, kb.documents().size(), kb.problems().toString());
        return kb.documents().getFirst();
    }

    private String charsetOf(PolicyDocument d) {
        return org.policykb.testing.Fixtures.scan(content).files().stream()
                .filter(f -> f.relativePath().equals(d.source())).findFirst().orElseThrow().charset();
    }
}
