package org.policykb.render;

import org.policykb.model.DocumentKind;
import org.policykb.model.Task;

import java.time.LocalDate;
import java.util.Optional;

/** How dates, document kinds and task titles read on a Chinese page. */
final class ChineseLabels {
    private ChineseLabels() {
    }

    static String date(Optional<LocalDate> date) {
        return date.map(ChineseLabels::date).orElse("");
    }

    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String kind(DocumentKind kind) {
        return switch (kind) {
            case PLAN -> "规划·意见·方案";
            case WORK_PLAN -> "工作要点";
            case REPORT -> "工作报告·发布会";
            case NEWS -> "新闻报道";
        };
    }

    /** A task's title with its number as written, for lists; never empty. */
    static String taskLabel(Task task) {
        String number = task.number() == null ? "" : task.number().strip();
        String title = task.title() == null || task.title().isBlank() ? RenderIndex.localId(task) : task.title().strip();
        return number.isEmpty() ? title : number + " " + title;
    }

    static String goalBadge(Optional<String> value, Optional<Integer> year) {
        String v = value.orElse("");
        String y = year.map(n -> n + "年").orElse("");
        if (v.isEmpty() && y.isEmpty()) {
            return "目标";
        }
        return v.isEmpty() ? y : y.isEmpty() ? v : v + " · " + y;
    }
}
