package org.policykb.source;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header government portals print above a document, a table or list of labelled values (索引号, 主题分类,
 * 发文机关, 成文日期, 标题, 发文字号, 发布日期): its title, 发文字号, issuer and date, and the elements it occupies,
 * which are not part of the document's text.
 */
final class PortalHeader {
    /** Front matter key per label; labels without a key only show where the header is. */
    private static final Map<String, String> LABELS = labels();
    /** A label at the start of a text, its characters perhaps spaced out (标　　题), perhaps in 【】, perhaps with a colon. */
    private static final Pattern LABEL_AT_START = Pattern.compile("^[\\s\\u00A0\\u3000]*(?:([【\\[])[\\s\\u00A0\\u3000]*)?("
            + spaced() + ")[\\s\\u00A0\\u3000]*[】\\]]?[\\s\\u00A0\\u3000]*([:：])?");
    private static final Pattern NEXT_LABEL = Pattern.compile("[\\s\\u00A0\\u3000]+[【\\[]?(" + spaced() + ")[\\s\\u00A0\\u3000]*[】\\]]?[\\s\\u00A0\\u3000]*[:：]");
    /** 国办发〔2025〕7号, 国令第711号, 政府令187号; not a placeholder such as 无 or —— . */
    private static final Pattern DOC_NUMBER = Pattern.compile("\\d+\\s*号");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})");
    private static final Pattern ISSUER = Pattern.compile("[\\p{IsHan}（）()·\\s、，,；;]{2,80}");

    /** One label found on the page: its key, the value read, and the nodes of label and value. */
    private record Field(String label, String key, String value, List<Node> nodes) {
    }

    private final List<Field> fields;

    private PortalHeader(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static PortalHeader find(Document page) {
        List<Field> fields = new ArrayList<>();
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                texts.add(t);
            }
        }, page.body());
        for (TextNode text : texts) {
            // A label without a value is a column heading of a table in the document (文件名称 | 文号), not a header.
            labels(text).stream().filter(field -> !field.value().isEmpty()).forEach(fields::add);
        }
        return new PortalHeader(fields);
    }

    /** Puts what the header says into the front matter; the first value of a key wins. */
    void writeTo(CanonicalText out) {
        List<String> order = List.copyOf(LABELS.keySet());
        List<Field> byTrust = fields.stream().sorted(java.util.Comparator.comparingInt(f -> order.indexOf(f.label()))).toList();
        for (Field field : byTrust) {
            if (field.key() == null) {
                continue;
            }
            switch (field.key()) {
                case "title" -> {
                    if (HtmlText.han(field.value()) >= 4) {
                        out.meta("title", field.value());
                    }
                }
                case "docNumber" -> {
                    if (DOC_NUMBER.matcher(field.value()).find() && field.value().length() <= 40) {
                        out.meta("docNumber", field.value().replaceAll("\\s", ""));
                    }
                }
                case "issuer" -> {
                    if (ISSUER.matcher(field.value()).matches() && HtmlText.han(field.value()) >= 2) {
                        out.meta("issuer", String.join("、", field.value().strip().split("[\\s\\u3000、，,；;]+")));
                    }
                }
                case "date" -> date(field.value()).ifPresent(out::date);
                default -> { }
            }
        }
    }

    /** Removes the header from the page, so that its labels do not read as the document's first lines. */
    void removeFrom(Document page) {
        if (fields.size() >= 2) {
            Element common = commonAncestor(fields.stream().flatMap(f -> f.nodes().stream()).toList());
            int headerText = fields.stream().mapToInt(f -> f.label().length() + f.value().length()).sum();
            if (common != null && common != page.body() && compact(common.text()).length() <= 2 * headerText + 80) {
                common.remove();
                return;
            }
        }
        for (Field field : fields) {
            field.nodes().forEach(node -> {
                if (node.parent() != null) {
                    node.remove();
                }
            });
        }
    }

    /** The labelled values a text node starts: 「发文字号：X　成文日期：Y」 gives two. */
    private static List<Field> labels(TextNode text) {
        String whole = text.getWholeText();
        Matcher m = LABEL_AT_START.matcher(whole);
        if (!m.find()) {
            return List.of();
        }
        String label = compact(m.group(2));
        boolean marked = m.group(1) != null || m.group(3) != null; // a colon or 【】 says it is a label
        String rest = whole.substring(m.end());
        if (!compact(rest).isEmpty()) {
            if (!marked) {
                return List.of(); // 「标题党」 in running text, not a label
            }
            List<Field> fields = new ArrayList<>();
            Matcher next = NEXT_LABEL.matcher(rest);
            int from = 0;
            String current = label;
            while (next.find()) {
                fields.add(new Field(current, LABELS.get(current), clean(rest.substring(from, next.start())), List.of(text)));
                current = compact(next.group(1));
                from = next.end();
            }
            fields.add(new Field(current, LABELS.get(current), clean(rest.substring(from)), List.of(text)));
            return fields;
        }
        if (!marked && !isLabelCell(text.parent())) {
            return List.of();
        }
        return List.of(standing(text, label));
    }

    /** A label standing alone; its value is what follows the largest element holding only the label. */
    private static Field standing(TextNode text, String label) {
        String whole = text.getWholeText();
        String labelText = compact(whole);
        Node box = text;
        while (box.parent() instanceof Element parent && compact(parent.text()).equals(labelText)
                && !parent.normalName().equals("body")) {
            box = parent;
        }
        List<Node> nodes = new ArrayList<>(List.of(box));
        StringBuilder value = new StringBuilder();
        for (Node next = box.nextSibling(); next != null; next = next.nextSibling()) {
            String t = next instanceof Element e ? e.text() : next instanceof TextNode tn ? tn.text() : "";
            if (LABEL_AT_START.matcher(t).find() && (LABEL_AT_START.matcher(t).results().anyMatch(r -> r.group(1) != null || r.group(3) != null)
                    || next instanceof Element e && isLabelCell(e))) {
                break;
            }
            nodes.add(next);
            value.append(t).append(' ');
            if (next instanceof Element && !t.isBlank()) {
                break;
            }
        }
        return new Field(label, LABELS.get(label), clean(value.toString()), nodes);
    }

    private static boolean isLabelCell(Node node) {
        return node instanceof Element e && e.normalName().matches("td|th|dt|label|b|strong|span|em");
    }

    /** The labels as one alternation, longest first, white space allowed between their characters. */
    private static String spaced() {
        return LABELS.keySet().stream().map(l -> String.join("[\\s\\u00A0\\u3000]*", l.split(""))).collect(java.util.stream.Collectors.joining("|"));
    }

    /** The value with white space collapsed and a colon written outside the label's element dropped. */
    private static String clean(String s) {
        return CanonicalText.strip(s.replaceAll("[\\s\\u00A0\\u3000]+", " ")).replaceFirst("^[:：]\\s*", "");
    }

    /** Text without any white space, as labels are compared: 「标　　题」 is 「标题」. */
    private static String compact(String s) {
        return s.replaceAll("[\\s\\u00A0\\u3000]+", "");
    }

    static Optional<LocalDate> date(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Element commonAncestor(List<Node> nodes) {
        Element common = nodes.getFirst().parent() instanceof Element e ? e : null;
        for (Node node : nodes) {
            while (common != null && !isAncestorOrSelf(common, node)) {
                common = common.parent();
            }
        }
        return common;
    }

    private static boolean isAncestorOrSelf(Element ancestor, Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        // In order of trust: when a page gives two labels for one key, the earlier one wins.
        labels.put("标题", "title");
        labels.put("文件名称", "title");
        labels.put("信息名称", "title");
        labels.put("发文字号", "docNumber");
        labels.put("发文文号", "docNumber");
        labels.put("文号", "docNumber");
        labels.put("文件编号", "docNumber");
        labels.put("发文机关", "issuer");
        labels.put("制发机关", "issuer");
        labels.put("发文单位", "issuer");
        labels.put("成文单位", "issuer");
        labels.put("发布机构", "issuer");
        labels.put("发布单位", "issuer");
        labels.put("成文日期", "date");
        labels.put("成文时间", "date");
        labels.put("发文日期", "date");
        for (String shown : List.of("信息索引号", "索引号", "主题分类", "发布日期", "发布时间", "公开日期", "生成日期", "生效日期",
                "有效性", "效力状况", "公开方式", "公开时限", "公开范围", "主题词", "体裁分类", "组配分类", "服务对象")) {
            labels.put(shown, null);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}
