package io.wcsettle.his.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The template profile against the published tables themselves: the extract in
 * {@code shared/domain/interface/national-template-spec.md} is read here independently of the
 * profile (its own small parser), and every transaction's nodes and fields — order, JSON type,
 * length, 代码标识, 是否必填 — must match. The few readings the profile documents ({@code note}) are
 * the only differences allowed.
 */
class PublishedTablesTest {

    private static final Pattern SECTION = Pattern.compile("^### 【(\\d{4})】");
    private static final Pattern TABLE = Pattern.compile("^表 ?(\\d+) ?(输入|输出)[^（(]*[（(]?节点标识[：:]?\\s*([A-Za-z_]+)[）)]");

    record Row(String code, String type, String length, boolean coded, boolean required, String note) {
    }

    /** The repository's copy ({@code docs/domain/interface}, kept equal to the shared original by a test), or the shared one. */
    static Path spec() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path own = p.resolve("docs/domain/interface/national-template-spec.md");
            if (Files.exists(own)) {
                return own;
            }
            Path s = p.resolveSibling("shared").resolve("domain/interface/national-template-spec.md");
            if (Files.exists(s)) {
                return s;
            }
        }
        return null;
    }

    /** infno → node → rows, from the Hunan edition part of the extract. */
    static Map<String, Map<String, List<Row>>> published(Path spec) throws Exception {
        String text = Files.readString(spec, StandardCharsets.UTF_8).split("## J\\. Jiangxi")[0];
        String[] lines = text.split("\n");
        Map<String, Map<String, List<Row>>> r = new LinkedHashMap<>();
        String infno = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher s = SECTION.matcher(lines[i]);
            if (s.find()) {
                infno = s.group(1);
                r.put(infno, new LinkedHashMap<>());
                continue;
            }
            Matcher t = TABLE.matcher(lines[i]);
            if (infno != null && t.find()) {
                List<Row> rows = new ArrayList<>();
                for (int j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
                    String[] c = lines[j].substring(1).split("\\|", -1);
                    rows.add(new Row(c[1].trim(), c[3].trim(), c[4].trim(), "Y".equals(c[5].trim()),
                            "Y".equals(c[6].trim()), c.length > 7 ? c[7].trim() : ""));
                }
                r.get(infno).put(t.group(2) + ":" + t.group(3), rows);
            }
        }
        return r;
    }

    private static String expectedType(Row row) {
        return switch (row.type()) {
            case "字符型" -> "STRING";
            case "数值型" -> "NUMBER";
            case "数字型" -> "DIGITS";
            case "日期型" -> row.note().contains("HH:mm:ss") ? "DATETIME" : "DATE";
            case "日期时间型" -> "DATETIME";
            default -> throw new AssertionError("unknown type " + row.type());
        };
    }

    @Test
    @DisplayName("Interface: every transaction of the template profile has exactly the published nodes and fields (type, length, code, required)")
    void templateEqualsPublishedTables() throws Exception {
        Path spec = spec();
        assumeTrue(spec != null, "shared/domain/interface/national-template-spec.md not beside the checkout: skipped");
        Map<String, Map<String, List<Row>>> published = published(spec);
        TransactionProfile p = TransactionProfile.template();
        assertEquals(13, published.size(), "the extract has 13 transactions");
        int fields = 0;
        for (Map.Entry<String, Map<String, List<Row>>> t : published.entrySet()) {
            TransactionSpec ts = p.specOf(t.getKey()).orElseThrow(() -> new AssertionError("profile lacks " + t.getKey()));
            Map<String, List<FieldSpec>> mine = new LinkedHashMap<>();
            ts.input().forEach(n -> mine.put("输入:" + n.name(), n.fields()));
            ts.output().forEach(n -> mine.put("输出:" + n.name(), n.fields()));
            assertEquals(t.getValue().keySet(), mine.keySet(), t.getKey() + " nodes");
            for (Map.Entry<String, List<Row>> node : t.getValue().entrySet()) {
                List<FieldSpec> fs = mine.get(node.getKey());
                assertEquals(node.getValue().size(), fs.size(), t.getKey() + " " + node.getKey() + " field count");
                for (int i = 0; i < fs.size(); i++) {
                    Row row = node.getValue().get(i);
                    FieldSpec f = fs.get(i);
                    String at = t.getKey() + " " + node.getKey() + "." + row.code();
                    assertEquals(row.code(), f.name(), at);
                    assertEquals(row.required(), f.required(), at + " required");
                    assertEquals(row.coded(), f.coded(), at + " coded");
                    String len = row.length().replace('，', ',');
                    if (f.type() == FieldType.NUMBER) {
                        assertEquals("数值型", row.type(), at);
                        assertEquals(len.contains(",") ? len : len + ",0", f.precision() + "," + f.scale(), at + " precision");
                    } else {
                        assertEquals(expectedType(row), f.type().name(), at + " type");
                        if (!len.isEmpty() && !len.contains(",")) {
                            assertEquals(Integer.parseInt(len), f.length(), at + " length");
                        } else if (len.contains(",")) {
                            assertFalse(f.note().isEmpty(), at + ": a string with a precision needs a documented reading");
                        }
                    }
                    fields++;
                }
            }
        }
        assertTrue(fields > 350, "fields compared: " + fields);
    }

    @Test
    @DisplayName("Interface: the work-injury profile is the template plus only its declared differences")
    void workInjuryDiffersOnlyAsDeclared() {
        TransactionProfile t = TransactionProfile.template();
        TransactionProfile w = TransactionProfile.workInjury();
        for (TransactionSpec ts : t.transactions()) {
            TransactionSpec ws = w.spec(ts.transaction());
            assertEquals(ts.input(), ws.input(), ts.infno() + " input");
            List<NodeSpec> extra = new ArrayList<>(ws.output());
            extra.removeAll(ts.output());
            assertEquals(ts.output(), ws.output().subList(0, ts.output().size()), ts.infno() + " output");
            if (ts.transaction() == Transaction.PERSON_QUERY) {
                assertEquals(List.of("filinginfo"), extra.stream().map(NodeSpec::key).toList());
            } else {
                assertTrue(extra.isEmpty(), ts.infno());
            }
        }
        assertEquals("长期照护保险", t.dictionary("insutype").orElseThrow().codes().get("410"), "表 290");
        assertEquals("工伤保险", w.dictionary("insutype").orElseThrow().codes().get("410"), "人社险种代码");
    }
}
