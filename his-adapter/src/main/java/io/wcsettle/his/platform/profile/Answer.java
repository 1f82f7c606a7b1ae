package io.wcsettle.his.platform.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.money.Fen;

/**
 * Reads a payload by the tables' logical keys (the profile maps them to wire names): the output
 * of an answer on the HIS side, the input of a request on the simulator side. Reading does not
 * re-check the table: check first ({@link TableCheck}); a value of the wrong shape reads as empty.
 */
public final class Answer {

    private final List<NodeSpec> nodes;
    private final JsonNode payload;

    private Answer(List<NodeSpec> nodes, JsonNode payload) {
        this.nodes = nodes;
        this.payload = payload;
    }

    /** The output of {@code spec} in {@code output}. */
    public static Answer output(TransactionSpec spec, JsonNode output) {
        return new Answer(spec.output(), output);
    }

    /** The input of {@code spec} in {@code input}. */
    public static Answer input(TransactionSpec spec, JsonNode input) {
        return new Answer(spec.input(), input);
    }

    /** The single row of node {@code nodeKey}, empty when absent. */
    public Optional<Row> one(String nodeKey) {
        NodeSpec n = node(nodeKey);
        JsonNode v = payload == null ? null : payload.get(n.name());
        if (v == null || !v.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Row(n, v));
    }

    /** The rows of many-row node {@code nodeKey}; empty when absent. */
    public List<Row> many(String nodeKey) {
        NodeSpec n = node(nodeKey);
        JsonNode v = payload == null ? null : payload.get(n.name());
        List<Row> r = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isObject()) {
                    r.add(new Row(n, e));
                }
            }
        }
        return r;
    }

    private NodeSpec node(String key) {
        return nodes.stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow(() ->
                new ProfileException(ProfileErrorCode.UNKNOWN_TRANSACTION, key, "no node " + key + " in the table"));
    }

    /** One row, read by logical field keys. */
    public static final class Row {
        private final NodeSpec node;
        private final JsonNode row;

        Row(NodeSpec node, JsonNode row) {
            this.node = node;
            this.row = row;
        }

        private JsonNode raw(String key) {
            FieldSpec f = node.field(key).orElseThrow(() -> new ProfileException(ProfileErrorCode.UNKNOWN_TRANSACTION,
                    key, "no field " + key + " in " + node.table()));
            return row.get(f.name());
        }

        /** Whether the row's table has a field with logical {@code key}. */
        public boolean has(String key) {
            return node.field(key).isPresent();
        }

        /** A string field, {@code ""} when absent or empty. */
        public String text(String key) {
            JsonNode v = raw(key);
            return v == null || !v.isValueNode() || v.isNull() ? "" : v.asText();
        }

        /** A string field, empty when absent or empty. */
        public Optional<String> optText(String key) {
            String s = text(key);
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        /** A 数值型 money field in fen; empty when absent or not a number with at most 2 decimals. */
        public Optional<Fen> fen(String key) {
            return decimal(key).flatMap(d -> {
                try {
                    return Optional.of(Fen.of(d.movePointRight(2).longValueExact()));
                } catch (ArithmeticException e) {
                    return Optional.empty();
                }
            });
        }

        /** A 数值型 field; empty when absent or not a number. */
        public Optional<BigDecimal> decimal(String key) {
            JsonNode v = raw(key);
            return v != null && v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
        }

        /** A 日期型 field; empty when absent, empty or malformed. */
        public Optional<LocalDate> date(String key) {
            try {
                String s = text(key);
                return s.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(s, TableCheck.DATE));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** A 日期时间型 field; empty when absent, empty or malformed. */
        public Optional<LocalDateTime> dateTime(String key) {
            try {
                String s = text(key);
                return s.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(s, TableCheck.DATETIME));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** The raw JSON row (wire names). */
        public JsonNode json() {
            return row;
        }
    }
}
