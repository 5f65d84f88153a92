package org.policykb.extract;

import org.policykb.model.DocumentKind;

import java.util.regex.Pattern;

/**
 * The kind of a document from what it calls itself and how it is written: a byline makes a news article,
 * 规划/意见/方案 a plan, 工作要点/工作计划 an annual work plan, a briefing or an account of the past a report.
 */
final class KindClassifier {
    private static final Pattern WORK_PLAN = Pattern.compile("工作要点|工作计划|工作安排|年度计划|要点$");
    private static final Pattern PLAN = Pattern.compile("规划|纲要|意见|方案|办法|措施|行动计划|计划$|通知$|决定$|规定$|细则");
    private static final Pattern REPORT = Pattern.compile("报告|总结|汇报|情况|发布会|答记者问");
    private static final Pattern BRIEFING = Pattern.compile("新闻发布会|发布会|新闻办公室|新闻办");

    private KindClassifier() {
    }

    static DocumentKind classify(String title, String text, boolean hasByline, int attributions) {
        if (hasByline) {
            return DocumentKind.NEWS;
        }
        if (WORK_PLAN.matcher(title).find()) {
            return DocumentKind.WORK_PLAN;
        }
        if (REPORT.matcher(title).find()) {
            return DocumentKind.REPORT;
        }
        if (PLAN.matcher(title).find()) {
            return DocumentKind.PLAN;
        }
        String opening = text.substring(0, Math.min(text.length(), 600));
        if (BRIEFING.matcher(opening).find()) {
            return DocumentKind.REPORT;
        }
        if (attributions > 0) {
            return DocumentKind.PLAN;
        }
        // The opening pages tell how a document is written; reading all of a 50 MB file would add nothing.
        return Retrospection.isRetrospective(text.substring(0, Math.min(text.length(), 6000))) ? DocumentKind.REPORT : DocumentKind.PLAN;
    }
}
