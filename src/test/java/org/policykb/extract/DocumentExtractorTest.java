package org.policykb.extract;

import org.junit.jupiter.api.Test;
import org.policykb.model.DocumentKind;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Task;
import org.policykb.parse.PlainTextParser;
import org.policykb.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentExtractorTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(Gazetteer.load());

    private static PolicyDocument extract(String text) {
        return EXTRACTOR.extract("doc", new PlainTextParser().parse(Fixtures.text("doc.txt", text)));
    }

    private static List<String> values(PolicyDocument doc) {
        return doc.goals().stream().map(g -> g.value().orElse("-")).toList();
    }

    @Test
    void aClauseWithTwoValuesIsTwoGoalsWithTheStatedYear() {
        PolicyDocument doc = extract("""
                某区教育事业发展“十四五”规划
                二、重点任务
                4．完善多样性健康身心培养体系。完善学生体质健康测试制度，到2025年学生体质健康测试优良率、合格率达到55%、95%以上。总体近视率每年降低不少于1个百分点。（区教体局、区卫健局负责）
                """);
        assertEquals(List.of("55%", "95%以上", "1个百分点"), values(doc));
        List<Goal> goals = doc.goals();
        assertEquals(Optional.of(2025), goals.get(0).year());
        assertEquals(Optional.empty(), goals.get(2).year(), "a recurring rate has no deadline");
        Task task = doc.tasks().get(0);
        assertTrue(goals.stream().allMatch(g -> g.taskId().equals(Optional.of(task.id()))));
        assertEquals(Optional.of("区教体局"), task.lead());
        assertEquals(List.of("区卫健局"), task.support());
    }

    @Test
    void countsThatOnlyScopeOrOrderAreNotGoals() {
        PolicyDocument doc = extract("""
                某局2020年工作要点
                一、聚焦促进公平均衡
                1.教育重点建设项目抓进度。完成10个区县63所学校“薄改”任务。组织第十七届中学生运动会。完善社区教育4级网络建设。原则上每5所幼儿园配备1名责任督学，超过1000人规模的学校必须配备专职教师。落实“1530”安全教育机制。
                """);
        assertEquals(List.of("63所", "1名"), values(doc));
        assertEquals(Optional.of(2020), doc.goals().get(0).year(), "a work plan's year is its horizon");
    }

    @Test
    void endStatesUnderACommitmentAreGoalsWithoutValue() {
        PolicyDocument doc = extract("""
                某市2020年工作要点
                一、聚焦促进公平均衡
                1.学前教育抓普惠扩公办。确保城镇居住区配套幼儿园专项整治任务年内“清零”，普惠性幼儿园覆盖率达到80%。确保开齐开足上好美育课程。力争用三年左右时间，每个区县创成1-2所未来学校。
                """);
        assertEquals(List.of("-", "80%", "1-2所"), doc.goals().stream()
                .sorted(java.util.Comparator.comparingInt(g -> g.span().start())).map(g -> g.value().orElse("-")).toList());
        assertTrue(doc.goals().stream().anyMatch(g -> g.text().contains("清零")));
    }

    @Test
    void pastAchievementsOfAReportAreNeitherTasksNorGoalsButItsNextStepsAre() {
        PolicyDocument doc = extract("""
                市教育局
                2024年以来，全市教育工作取得新进展。
                一、突出扩优提质，在“上好学”上取得新进展
                1.加快推进新优质学校建设。推动新建改扩建学校30所，开工率达到73.3%，70%的试点校差距明显缩小，6所中小学获评省依法治校示范校，居全省首位。
                下一步，将加快教育强市建设。一是推动优质资源再扩容。全面完成70所学校新建改扩建任务，优质园占比提升至85%以上。二是推动育人质量再提高。深入推进全环境立德树人。
                """);
        assertEquals(DocumentKind.REPORT, doc.meta().kind());
        assertEquals(List.of("推动优质资源再扩容", "推动育人质量再提高"), doc.tasks().stream().map(Task::title).toList());
        assertEquals(List.of("70所", "85%以上"), values(doc));
        assertTrue(doc.goals().stream().allMatch(g -> g.year().isEmpty()), "a report's next steps state no horizon");
    }

    @Test
    void newsArticlesHaveNoTasks() {
        PolicyDocument doc = extract("""
                某市优质教育资源不断完善

                2月27日下午,某市人民政府新闻办召开新闻发布会。截至2023年底，全市省级优质园达514所。

                记者 陶春燕

                新改建幼儿园、中小学23所 新增学位近2万个

                公办教育资源扩面提质。一是新改建幼儿园23所。二是新增学位近2万个。
                """);
        assertEquals(DocumentKind.NEWS, doc.meta().kind());
        assertTrue(doc.tasks().isEmpty());
        assertTrue(doc.goals().isEmpty());
        assertEquals(Optional.of(LocalDate.of(2024, 2, 27)), doc.meta().date(), "the dateline's year follows the year the text sums up");
        assertEquals(Optional.empty(), doc.meta().issuer());
    }

    @Test
    void officialDocumentMetadata() {
        PolicyDocument doc = extract("""
                某政发〔2022〕10号
                关于印发某区教育事业发展“十四五”规划的通知

                各镇人民政府：
                现将《某区教育事业发展“十四五”规划》印发给你们，请认真组织实施。

                某区人民政府
                2022年12月28日

                某区教育事业发展“十四五”规划
                一、总体要求
                """);
        assertEquals("某区教育事业发展“十四五”规划", doc.meta().title());
        assertEquals(Optional.of("某政发〔2022〕10号"), doc.meta().docNumber());
        assertEquals(Optional.of("某区人民政府"), doc.meta().issuer());
        assertEquals(Optional.of(LocalDate.of(2022, 12, 28)), doc.meta().date());
        assertEquals(DocumentKind.PLAN, doc.meta().kind());
    }

    @Test
    void aBareCityIssuerIsQualifiedByThePlaceTheTextSpeaksOf() {
        PolicyDocument doc = extract("""
                市教育局
                2024年以来，青岛教育工作取得积极进展，青岛六十七中获得篮球联赛亚军，在青高校及科研机构积极参与，北京来访团组一次。青岛现代职教中心学校一期工程主体完工。
                """);
        assertEquals(Optional.of("青岛市教育局"), doc.meta().issuer());
    }

    @Test
    void issuersOfAJointWorkPlanHeader() {
        PolicyDocument doc = extract("""
                中共某市委教育工委  某市教育局
                2020年工作要点

                指导思想:以新思想为指导，努力办好人民满意的教育。
                """);
        assertEquals("中共某市委教育工委 某市教育局2020年工作要点", doc.meta().title());
        assertEquals(Optional.of("中共某市委教育工委、某市教育局"), doc.meta().issuer());
        assertEquals(DocumentKind.WORK_PLAN, doc.meta().kind());
    }
}
