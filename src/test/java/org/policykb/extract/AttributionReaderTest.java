package org.policykb.extract;

import org.junit.jupiter.api.Test;
import org.policykb.model.Attribution;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionReaderTest {
    private final AttributionReader reader = new AttributionReader();

    private Attribution read(String text) {
        return reader.attribution(text, 0, text.length(), 1);
    }

    @Test
    void firstListedUnitLeadsTheRestSupport() {
        Attribution a = read("深入推进民族团结教育，铸牢中华民族共同体意识。（区委教育工委、区委宣传部、团区委负责，列第一位的为牵头部门，下同）");
        assertEquals(Optional.of("区委教育工委"), a.lead());
        assertEquals(List.of("区委宣传部", "团区委"), a.support());
    }

    @Test
    void aCommaTypedBetweenUnitsIsReadAsEnumerationComma() {
        Attribution a = read("创新深度合作机制。（区教体局、区委编办、区财政局，区人社局负责）");
        assertEquals(Optional.of("区教体局"), a.lead());
        assertEquals(List.of("区委编办", "区财政局", "区人社局"), a.support());
    }

    @Test
    void leadAndSupportByRoleWords() {
        Attribution a = read("各地要按标准配齐体育教师。（教育部牵头，财政部、人力资源社会保障部配合）");
        assertEquals(Optional.of("教育部"), a.lead());
        assertEquals(List.of("财政部", "人力资源社会保障部"), a.support());
    }

    @Test
    void unitsSharingByTheirDutiesWithDeng() {
        Attribution a = read("力争实现公共体育场馆向学生免费开放。（国家发展改革委、教育部、财政部等按职责分工负责）");
        assertEquals(Optional.of("国家发展改革委"), a.lead());
        assertEquals(List.of("教育部", "财政部"), a.support());
    }

    @Test
    void labelledLinesOfAProgramme() {
        Attribution a = read("三年内改造农村学校校舍120所。\n牵头单位：市教育局；配合单位：市财政局、市住房城乡建设局");
        assertEquals(Optional.of("市教育局"), a.lead());
        assertEquals(List.of("市财政局", "市住房城乡建设局"), a.support());
    }

    @Test
    void aParenthesisThatSaysWhoHandlesACaseIsNotAnAttribution() {
        Attribution a = read("中等职业学校（技工院校内由人力资源社会保障部门负责）参照执行。");
        assertTrue(a.isEmpty(), a.toString());
    }

    @Test
    void parenthesesWithoutUnitsAreNotAttributions() {
        assertTrue(read("推动淄川区、临淄区、周村区（含文昌湖、经开区）首批创建。").isEmpty());
        assertTrue(read("实施《布局规划（2019—2030）》。").isEmpty());
        assertTrue(read("落实校长负责制（学校负责人要亲自抓）。").isEmpty());
    }

    @Test
    void anUnreadableClosingClauseIsReportedNotGuessed() {
        String text = "加强校园安全管理。（有关方面按照属地原则认真落实负责）";
        assertTrue(read(text).isEmpty());
        assertEquals(Optional.of("（有关方面按照属地原则认真落实负责）"), reader.unreadableClosingClause(text, 0, text.length()));
        String fine = "加强校园安全管理。（区教体局负责）";
        assertEquals(Optional.empty(), reader.unreadableClosingClause(fine, 0, fine.length()));
    }

    @Test
    void aTextWithoutClausesGetsNoInventedDepartments() {
        assertTrue(read("健全用党的创新理论武装党员、教育师生、指导实践的工作体系，全面强化思想政治引领。").isEmpty());
    }
}
