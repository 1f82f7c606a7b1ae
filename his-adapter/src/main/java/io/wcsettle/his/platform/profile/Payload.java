package io.wcsettle.his.platform.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;

/**
 * Builds the input (or output) payload of one transaction from values keyed by the tables'
 * logical field keys, in the profile's wire names: every field of every node is written, an empty
 * string as {@code ""}, an empty number as {@code 0} (the interface's rule), then the whole is
 * checked against the table. Values: {@code String}, {@link Fen} (yuan with 2 decimals),
 * {@link Quantity}, {@link UnitPrice}, {@code BigDecimal}, {@code Long}/{@code Integer},
 * {@link LocalDate}, {@link LocalDateTime}; {@code null} is empty.
 */
public final class Payload {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final TransactionProfile profile;
    private final TransactionSpec spec;
    private final boolean output;
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    private Payload(TransactionProfile profile, TransactionSpec spec, boolean output) {
        this.profile = profile;
        this.spec = spec;
        this.output = output;
    }

    /** An input payload of {@code transaction}. */
    public static Payload input(TransactionProfile profile, Transaction transaction) {
        return new Payload(profile, profile.spec(transaction), false);
    }

    /** An output payload of {@code transaction} (the simulator's side). */
    public static Payload output(TransactionProfile profile, Transaction transaction) {
        return new Payload(profile, profile.spec(transaction), true);
    }

    /** Sets the single row of node {@code nodeKey}. */
    public Payload row(String nodeKey, Map<String, ?> values) {
        rows.put(nodeKey, List.of(copy(values)));
        return this;
    }

    /** Adds one row to the many-row node {@code nodeKey}. */
    public Payload addRow(String nodeKey, Map<String, ?> values) {
        rows.computeIfAbsent(nodeKey, k -> new ArrayList<>()).add(copy(values));
        return this;
    }

    /** Declares the many-row node {@code nodeKey} present with no rows (an output list that is empty). */
    public Payload emptyRows(String nodeKey) {
        rows.computeIfAbsent(nodeKey, k -> new ArrayList<>());
        return this;
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return new LinkedHashMap<>(values);
    }

    /**
     * The JSON payload, checked strictly against the table.
     *
     * @throws ProfileException {@code REQUEST_VIOLATES_TABLE} (or {@code RESPONSE_VIOLATES_TABLE} for an
     *                          output) listing every violation, naming fields, never values
     */
    public ObjectNode build() {
        ObjectNode root = NODES.objectNode();
        List<TableViolation> v = new ArrayList<>();
        List<NodeSpec> nodes = output ? spec.output() : spec.input();
        for (String key : rows.keySet()) {
            if (nodes.stream().noneMatch(n -> n.key().equals(key))) {
                v.add(new TableViolation(key, "not a node of " + spec.infno()));
            }
        }
        for (NodeSpec n : nodes) {
            List<Map<String, Object>> values = rows.get(n.key());
            if (values == null) {
                if (!output) {
                    v.add(new TableViolation(n.name(), "node missing"));
                }
                continue;
            }
            if (n.many()) {
                ArrayNode a = root.putArray(n.name());
                for (int i = 0; i < values.size(); i++) {
                    a.add(render(n, n.name() + "[" + i + "]", values.get(i), v));
                }
            } else {
                root.set(n.name(), render(n, n.name(), values.get(0), v));
            }
        }
        TableCheck check = profile.tables();
        v.addAll(output ? check.output(spec, root, TableCheck.Strictness.STRICT)
                : check.input(spec, root, TableCheck.Strictness.STRICT));
        if (!v.isEmpty()) {
            throw new ProfileException(output ? ProfileErrorCode.RESPONSE_VIOLATES_TABLE
                    : ProfileErrorCode.REQUEST_VIOLATES_TABLE, spec.infno(), dedupe(v));
        }
        return root;
    }

    private static List<TableViolation> dedupe(List<TableViolation> v) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(v));
    }

    private static ObjectNode render(NodeSpec n, String at, Map<String, Object> values, List<TableViolation> v) {
        ObjectNode o = NODES.objectNode();
        for (String key : values.keySet()) {
            if (n.field(key).isEmpty()) {
                v.add(new TableViolation(at + "." + key, "not a field of " + n.table()));
            }
        }
        for (FieldSpec f : n.fields()) {
            o.set(f.name(), json(f, values.get(f.key()), at + "." + f.name(), v));
        }
        return o;
    }

    private static JsonNode json(FieldSpec f, Object value, String at, List<TableViolation> v) {
        if (value == null) {
            return f.type() == FieldType.NUMBER ? NODES.numberNode(0) : NODES.textNode("");
        }
        switch (f.type()) {
            case NUMBER, DIGITS -> {
                BigDecimal d = decimal(value);
                if (d == null) {
                    v.add(new TableViolation(at, "a number is expected, got " + value.getClass().getSimpleName()));
                    return NODES.numberNode(0);
                }
                if (f.type() == FieldType.DIGITS) {
                    try {
                        BigInteger i = d.toBigIntegerExact();
                        return NODES.numberNode(i);
                    } catch (ArithmeticException e) {
                        v.add(new TableViolation(at, "数字型 must be an integer"));
                        return NODES.numberNode(0);
                    }
                }
                return d.scale() <= 0 ? NODES.numberNode(d.toBigInteger()) : NODES.numberNode(d);
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    return NODES.textNode(d.format(TableCheck.DATE));
                }
                if (value instanceof LocalDateTime t) {
                    return NODES.textNode(t.toLocalDate().format(TableCheck.DATE));
                }
            }
            case DATETIME -> {
                if (value instanceof LocalDateTime t) {
                    return NODES.textNode(t.format(TableCheck.DATETIME));
                }
                if (value instanceof LocalDate d) {
                    return NODES.textNode(d.atStartOfDay().format(TableCheck.DATETIME));
                }
            }
            default -> {
            }
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum) {
            return NODES.textNode(value.toString());
        }
        v.add(new TableViolation(at, "cannot write a " + value.getClass().getSimpleName() + " as " + f.type()));
        return NODES.textNode("");
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static BigDecimal decimal(Object value) {
        Objects.requireNonNull(value);
        if (value instanceof Fen fen) {
            return BigDecimal.valueOf(fen.value(), 2);
        }
        if (value instanceof Quantity q) {
            return plain(BigDecimal.valueOf(q.tenThousandths(), Quantity.DECIMALS));
        }
        if (value instanceof UnitPrice p) {
            return plain(BigDecimal.valueOf(p.micros(), UnitPrice.DECIMALS));
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return null;
    }
}
