package io.wcsettle.his.platform.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks messages against the interface tables of a {@link TransactionProfile}: nodes, required
 * fields, JSON types, lengths, numeric precision and scale, date formats and dictionary codes.
 * Returns every violation, never the first only. Thread-safe.
 */
public final class TableCheck {

    /** 日期型. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** 日期时间型. */
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Charset GBK = Charset.forName("GBK");

    private final TransactionProfile profile;

    TableCheck(TransactionProfile profile) {
        this.profile = profile;
    }

    /**
     * How strictly a message is read.
     *
     * @param requireEveryField every field of the table must be present (empty values as {@code ""} / {@code 0}),
     *                          not only the required ones
     * @param refuseUnknownFields a field the table does not have is a violation
     */
    public record Strictness(boolean requireEveryField, boolean refuseUnknownFields) {
        /** What the SDK demands of what it sends and the strict simulator of what it receives. */
        public static final Strictness STRICT = new Strictness(true, true);
        /** What the SDK demands of answers: the table's required fields, typed; extra fields ignored. */
        public static final Strictness TOLERANT = new Strictness(false, false);
    }

    /** Every violation of {@code input} against the input tables of {@code spec}. */
    public List<TableViolation> input(TransactionSpec spec, JsonNode input, Strictness strictness) {
        return nodes(spec.input(), input, strictness, true);
    }

    /**
     * Every violation of {@code output} against the output tables of {@code spec}. For a
     * transaction without output (无) an absent, {@code null} or empty-object output is accepted.
     */
    public List<TableViolation> output(TransactionSpec spec, JsonNode output, Strictness strictness) {
        if (spec.hasNoOutput()) {
            if (output == null || output.isNull() || output.isMissingNode() || (output.isObject() && output.isEmpty())) {
                return List.of();
            }
            return strictness.refuseUnknownFields()
                    ? List.of(new TableViolation("output", "the table has no output (无)"))
                    : List.of();
        }
        return nodes(spec.output(), output, strictness, false);
    }

    /** Every violation of one row of a file table (3202 表 134/135), values already split into strings. */
    public List<TableViolation> fileRow(NodeSpec table, List<String> values, int line) {
        List<TableViolation> v = new ArrayList<>();
        String at = "line " + line;
        if (values.size() != table.fields().size()) {
            v.add(new TableViolation(at, values.size() + " values, the table has " + table.fields().size()));
            return v;
        }
        for (int i = 0; i < values.size(); i++) {
            FieldSpec f = table.fields().get(i);
            String s = values.get(i);
            String p = at + "." + f.name();
            if ("null".equals(s) || s.isEmpty()) {
                if (f.required()) {
                    v.add(new TableViolation(p, "required, empty"));
                }
                continue;
            }
            switch (f.type()) {
                case NUMBER -> {
                    try {
                        number(p, f, new BigDecimal(s), v);
                    } catch (NumberFormatException e) {
                        v.add(new TableViolation(p, "not a number"));
                    }
                }
                default -> string(p, f, s, v);
            }
        }
        return v;
    }

    private List<TableViolation> nodes(List<NodeSpec> nodes, JsonNode payload, Strictness st, boolean input) {
        List<TableViolation> v = new ArrayList<>();
        String root = input ? "input" : "output";
        if (payload == null || !payload.isObject()) {
            v.add(new TableViolation(root, "not a JSON object"));
            return v;
        }
        for (NodeSpec n : nodes) {
            JsonNode value = payload.get(n.name());
            if (value == null || value.isNull()) {
                if (input || n.fields().stream().anyMatch(FieldSpec::required) || st.requireEveryField()) {
                    if (input || !n.many()) {
                        v.add(new TableViolation(n.name(), "node missing"));
                    }
                }
                continue;
            }
            if (n.many()) {
                if (!value.isArray()) {
                    v.add(new TableViolation(n.name(), "a many-row node must be an array"));
                    continue;
                }
                if (input && value.isEmpty()) {
                    v.add(new TableViolation(n.name(), "no rows"));
                }
                if (n.maxRows() > 0 && value.size() > n.maxRows()) {
                    v.add(new TableViolation(n.name(), value.size() + " rows, at most " + n.maxRows()));
                }
                for (int i = 0; i < value.size(); i++) {
                    row(n, n.name() + "[" + i + "]", value.get(i), st, v);
                }
            } else {
                if (!value.isObject()) {
                    v.add(new TableViolation(n.name(), "a one-row node must be an object"));
                    continue;
                }
                row(n, n.name(), value, st, v);
            }
        }
        if (st.refuseUnknownFields()) {
            Iterator<String> names = payload.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (nodes.stream().noneMatch(n -> n.name().equals(name))) {
                    v.add(new TableViolation(name, "not a node of the table"));
                }
            }
        }
        return v;
    }

    private void row(NodeSpec n, String at, JsonNode row, Strictness st, List<TableViolation> v) {
        if (!row.isObject()) {
            v.add(new TableViolation(at, "a row must be an object"));
            return;
        }
        Map<String, FieldSpec> byName = n.byName();
        for (FieldSpec f : n.fields()) {
            String p = at + "." + f.name();
            JsonNode value = row.get(f.name());
            if (value == null) {
                if (f.required() || st.requireEveryField()) {
                    v.add(new TableViolation(p, "missing"));
                }
                continue;
            }
            value(p, f, value, v);
        }
        if (st.refuseUnknownFields()) {
            Iterator<String> names = row.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!byName.containsKey(name)) {
                    v.add(new TableViolation(at + "." + name, "not a field of " + n.table()));
                }
            }
        }
    }

    private void value(String p, FieldSpec f, JsonNode value, List<TableViolation> v) {
        switch (f.type()) {
            case NUMBER -> {
                if (!value.isNumber()) {
                    v.add(new TableViolation(p, "数值型 must be a JSON number"));
                    return;
                }
                number(p, f, value.decimalValue(), v);
            }
            case DIGITS -> {
                if (!value.isIntegralNumber()) {
                    v.add(new TableViolation(p, "数字型 must be a JSON integer"));
                    return;
                }
                BigInteger i = value.bigIntegerValue();
                if (i.signum() < 0 || (f.minValue() > 0 && i.compareTo(BigInteger.valueOf(f.minValue())) < 0)) {
                    v.add(new TableViolation(p, "below " + Math.max(0, f.minValue())));
                }
                int digits = i.abs().toString().length();
                int max = f.maxDigits() > 0 ? f.maxDigits() : f.length();
                if (max > 0 && digits > max) {
                    v.add(new TableViolation(p, digits + " digits, at most " + max));
                }
            }
            default -> {
                if (!value.isTextual()) {
                    v.add(new TableViolation(p, "must be a JSON string"));
                    return;
                }
                String s = value.textValue();
                if (s.isEmpty()) {
                    if (f.required()) {
                        v.add(new TableViolation(p, "required, empty"));
                    }
                    return;
                }
                string(p, f, s, v);
            }
        }
    }

    private void string(String p, FieldSpec f, String s, List<TableViolation> v) {
        switch (f.type()) {
            case DATE -> {
                if (!parses(s, DATE, false)) {
                    v.add(new TableViolation(p, "not yyyy-MM-dd"));
                }
            }
            case DATETIME -> {
                if (!parses(s, DATETIME, true)) {
                    v.add(new TableViolation(p, "not yyyy-MM-dd HH:mm:ss"));
                }
            }
            default -> {
                int len = length(s);
                if (f.length() > 0 && len > f.length()) {
                    v.add(new TableViolation(p, "length " + len + ", at most " + f.length()));
                }
                if (f.coded()) {
                    Optional<Dictionary> d = profile.dictionary(f.key());
                    if (d.isPresent() && !d.get().contains(s)) {
                        v.add(new TableViolation(p, "not a code of " + d.get().table()));
                    }
                }
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 && c != '\t') {
                        v.add(new TableViolation(p, "control character"));
                        break;
                    }
                }
            }
        }
    }

    private static void number(String p, FieldSpec f, BigDecimal d, List<TableViolation> v) {
        // scale and precision are read without expanding the number (1e-999999999 stays cheap)
        BigDecimal n = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        int scale = Math.max(n.scale(), 0);
        if (scale > f.scale()) {
            v.add(new TableViolation(p, "more than " + f.scale() + " decimals"));
            return;
        }
        long integerDigits = (long) n.precision() - n.scale();
        if (f.precision() > 0 && integerDigits > f.precision() - f.scale()) {
            v.add(new TableViolation(p, "more than " + (f.precision() - f.scale()) + " integer digits"));
        }
    }

    private static boolean parses(String s, DateTimeFormatter format, boolean time) {
        try {
            if (time) {
                LocalDateTime.parse(s, format);
            } else {
                LocalDate.parse(s, format);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private int length(String s) {
        return switch (profile.lengthUnit()) {
            case CHAR -> s.codePointCount(0, s.length());
            case UTF8_BYTE -> s.getBytes(StandardCharsets.UTF_8).length;
            case GBK_BYTE -> s.getBytes(GBK).length;
        };
    }
}
