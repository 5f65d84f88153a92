package org.policykb.parse;

import org.junit.jupiter.api.Test;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Section;
import org.policykb.model.TableRow;
import org.policykb.testing.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureBuilderTest {
    private final PlainTextParser parser = new PlainTextParser();

    private ParsedDocument parse(String text) {
        return parser.parse(Fixtures.text("doc.txt", text));
    }

    private static List<String> outline(ParsedDocument doc) {
        return doc.sections().stream().map(s -> s.level() + " " + (s.number() == null ? "" : s.number()) + s.title()).toList();
    }

    @Test
    void nestsChineseMarkersByTheOrderTheDocumentUses() {
        ParsedDocument doc = parse("""
                某区教育事业发展规划
                一、总体要求
                （一）指导思想
                坚持立德树人。
                二、重点任务
                （一）全面落实立德树人根本任务
                1．完善全学段一体化思政工作体系。坚持用新思想铸魂育人。（区委教育工委、区委宣传部负责）
                2．完善全环境德育素养培养体系。深化德育课程一体化改革。
                （二）构建高质量教育发展体系
                1．发展普及普惠安全优质的学前教育。持续扩增优质资源。
                三、组织实施
                """);
        assertEquals(List.of("1 一、总体要求", "2 （一）指导思想", "1 二、重点任务", "2 （一）全面落实立德树人根本任务",
                "3 1．完善全学段一体化思政工作体系", "3 2．完善全环境德育素养培养体系", "2 （二）构建高质量教育发展体系",
                "3 1．发展普及普惠安全优质的学前教育", "1 三、组织实施"), outline(doc));
        assertEquals("某区教育事业发展规划", doc.headTitle().orElseThrow());
    }

    @Test
    void aMistypedFirstChapterMarkerStillClosesUnderTheNextChapter() {
        // 「1、」 where 「一、」 was meant: the following 「二、」 is its sibling, and 「1.」 items nest below.
        ParsedDocument doc = parse("""
                某局2020年工作要点
                指导思想:以新思想为指导。
                1、 聚焦加强党的领导
                1.强化党的理论武装。严格落实制度。
                2.提升党建工作质量。开展评选活动。
                二、聚焦促进公平均衡
                3.学前教育抓普惠扩公办。全市新改扩建幼儿园103处。
                """);
        assertEquals(List.of("1 1、聚焦加强党的领导", "2 1.强化党的理论武装", "2 2.提升党建工作质量", "1 二、聚焦促进公平均衡",
                "2 3.学前教育抓普惠扩公办"), outline(doc));
    }

    @Test
    void aStrayNumberInRunningTextIsNotAHeading() {
        ParsedDocument doc = parse("""
                一、总体要求
                全市职业学校新增12所，
                40.5%的学生参加锻炼。
                3.支持中职学校参与五年制教育。
                """);
        assertEquals(List.of("1 一、总体要求"), outline(doc));
    }

    @Test
    void unmarkedHeadlinesAndNewsArticlesWithBylines() {
        ParsedDocument doc = parse("""
                省级优质园达514所,组建53个教育集团……

                某市优质教育资源不断完善

                2月27日下午,某市人民政府新闻办召开新闻发布会,介绍全市教育工作情况。

                记者 陶春燕

                义务教育阶段 组建教育集团53个

                大力完善顶层设计。推动出台相关意见。

                努力让职业教育有收入、有地位、有价值

                记者 陶春燕

                改善办学条件,让职业教育“亮”起来。实施达标工程。
                """);
        assertEquals(List.of("1 某市优质教育资源不断完善", "2 义务教育阶段 组建教育集团53个", "1 努力让职业教育有收入、有地位、有价值"),
                outline(doc));
        assertEquals("某市优质教育资源不断完善", doc.headTitle().orElseThrow());
    }

    @Test
    void transmittalTitleSignatureAndRepeatedTitleStayInThePreamble() {
        ParsedDocument doc = parse("""
                某政发〔2022〕10号
                关于印发某区教育事业发展“十四五”规划的通知

                各镇人民政府，各街道办事处：
                现将《某区教育事业发展“十四五”规划》印发给你们，请认真组织实施。

                某区人民政府
                2022年12月28日
                （此件公开发布）

                某区教育事业发展“十四五”规划

                “十四五”时期是转型跨越的重要阶段。
                一、总体要求
                """);
        assertEquals("某区教育事业发展“十四五”规划", doc.headTitle().orElseThrow());
        assertEquals(List.of("1 一、总体要求"), outline(doc));
    }

    @Test
    void aTableCaptionedByItsNumberAloneIsNamedByIt() {
        ParsedDocument doc = parse("十二、重点项目\n表2\n\t序号\n\t名称\n\n\t1\n\t幼儿园建设工程\n");
        Section table = doc.sections().stream().filter(Section::table).findFirst().orElseThrow();
        assertEquals("表2", table.title());
        assertEquals(null, table.number());
        NoTextLostTest.assertTiled(Fixtures.text("doc.txt", "十二、重点项目\n表2 \r\n\t- 甲\n"));
    }

    @Test
    void flattenedTaskTableBecomesRowsWithWrappedNamesJoined() {
        ParsedDocument doc = parse("""
                （八）提升教育治理能力
                6．健全学校安全风险防控体系。提升平安校园建设水平。（区教体局、区公安分局负责）
                表2“十四五”教育事业发展重点项目清单
                \t序号
                \t名称
                \t主要内容

                \t1
                \t幼儿园建设与提升工程
                \t计划支持8所幼儿园新建、改扩建。（区教体局、区发改局负责）

                \t2
                \t中小学新建、改扩建
                工程
                \t新建双泉学校。（区教体局、区财政局负责）

                三、组织实施
                """);
        Section table = doc.sections().stream().filter(Section::table).findFirst().orElseThrow();
        assertEquals("表2", table.number());
        assertEquals("“十四五”教育事业发展重点项目清单", table.title());
        assertEquals(1, table.level());
        List<TableRow> rows = doc.tableRows();
        assertEquals(List.of("幼儿园建设与提升工程", "中小学新建、改扩建工程"), rows.stream().map(TableRow::name).toList());
        assertEquals(List.of("1", "2"), rows.stream().map(TableRow::number).toList());
        assertTrue(outline(doc).contains("1 三、组织实施"), outline(doc).toString());
    }

    @Test
    void wordBookmarksDoNotReachTitles() {
        ParsedDocument doc = parse("一、突出扩优提质\n1.加快推进新优质学校建设。统筹资源。\n[bookmark: _GoBack]2.全力攻坚区域教育均衡发展。开展监测。\n");
        assertEquals("全力攻坚区域教育均衡发展", doc.sections().get(2).title());
    }

    @Test
    void crlfAndLoneCrLineEndsAreLines() {
        ParsedDocument doc = parse("一、总体要求\r\n（一）指导思想\r坚持立德树人。\r\n");
        assertEquals(List.of("1 一、总体要求", "2 （一）指导思想"), outline(doc));
    }

    /** Found by ParserPropertiesTest: a marker alone on its line made a section without a title. */
    @Test
    void aMarkerAloneOnItsLineIsTextNotAHeading() {
        ParsedDocument doc = parse("""
                某区教育工作要点
                一、
                （二）：
                二、重点任务
                1．扩大学前教育资源。
                """);
        assertEquals(List.of("1 二、重点任务", "2 1．扩大学前教育资源"), outline(doc));
        assertEquals(0, parse("一、").sections().size());
    }

    /** The sample documents carry Word's bookmarks: the source keeps them (nothing is lost), titles do not. */
    @Test
    void wordLeftoversStayInTheTextButNotInTitles() {
        ParsedDocument doc = parse("""
                某区教育工作要点
                一、主要任务
                [bookmark: _GoBack]1．扩大学前教育资源。新建幼儿园13所。
                2．加强教师队伍建设[bookmark: _Hlk103589121]。招聘教师300名。
                """);
        assertEquals(List.of("1 一、主要任务", "2 1．扩大学前教育资源", "2 2．加强教师队伍建设"), outline(doc));
        assertTrue(doc.sections().get(1).span().of(doc.text()).startsWith("[bookmark: _GoBack]1．"));
    }
}
