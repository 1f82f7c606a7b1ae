package io.wcsettle.his.platform.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published interface as data: every transaction with its wire code, nodes, fields, JSON
 * types, lengths, required flags and code dictionaries, and the envelope tables. Immutable and
 * thread-safe.
 *
 * <p>{@link #template()} is the national template as published in the Hunan V1.3 edition (the
 * tables of {@code interface/national-template-spec.md}, transcribed into
 * {@code national-template.json}); a region's real specification is another profile file with
 * the same structure, loaded by {@link #load(Path)} without code changes: other codes, node and
 * field names (each field keeps its logical {@code key} and gets the region's {@code name}),
 * dictionaries such as {@code insutype}, {@code mdtrt_cert_type}, {@code med_type}.
 */
public final class TransactionProfile {

    /** The resource of the shipped template profile. */
    public static final String TEMPLATE_RESOURCE = "national-template.json";
    /** The resource of the shipped work-injury profile (the template plus its declared differences). */
    public static final String WORK_INJURY_RESOURCE = "work-injury.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile TransactionProfile template;
    private static volatile TransactionProfile workInjury;

    private final String name;
    private final String source;
    private final LengthUnit lengthUnit;
    private final Map<Transaction, TransactionSpec> byTransaction;
    private final Map<String, TransactionSpec> byInfno;
    private final Map<String, Dictionary> dictionaries;
    private final NodeSpec requestEnvelope;
    private final NodeSpec responseEnvelope;
    private final Map<String, String> values;

    /** How string lengths of the tables are counted. */
    public enum LengthUnit {
        /** Unicode characters (code points). */
        CHAR,
        /** Bytes of the UTF-8 encoding (stricter: a Chinese character counts 3). */
        UTF8_BYTE,
        /** Bytes of the GBK encoding (a Chinese character counts 2). */
        GBK_BYTE
    }

    private TransactionProfile(String name, String source, LengthUnit unit, Map<Transaction, TransactionSpec> specs,
                               Map<String, Dictionary> dictionaries, NodeSpec request, NodeSpec response,
                               Map<String, String> values) {
        this.name = name;
        this.source = source;
        this.lengthUnit = unit;
        this.byTransaction = Collections.unmodifiableMap(new EnumMap<>(specs));
        Map<String, TransactionSpec> codes = new HashMap<>();
        for (TransactionSpec s : specs.values()) {
            if (codes.put(s.infno(), s) != null) {
                throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, "infno",
                        "infno " + s.infno() + " used twice in profile " + name);
            }
        }
        this.byInfno = Map.copyOf(codes);
        this.dictionaries = Map.copyOf(dictionaries);
        this.requestEnvelope = request;
        this.responseEnvelope = response;
        this.values = Map.copyOf(values);
    }

    /** The shipped national template profile: the published tables exactly. */
    public static TransactionProfile template() {
        TransactionProfile t = template;
        if (t == null) {
            t = read(resource(TEMPLATE_RESOURCE), TEMPLATE_RESOURCE);
            template = t;
        }
        return t;
    }

    /**
     * The shipped work-injury profile: the template with the differences it declares (the
     * social-insurance {@code insutype} dictionary, where 410 is 工伤保险, and a modelled filing node
     * in the 1101 answer). The default of the SDK and the simulator.
     */
    public static TransactionProfile workInjury() {
        TransactionProfile t = workInjury;
        if (t == null) {
            t = read(resource(WORK_INJURY_RESOURCE), WORK_INJURY_RESOURCE);
            workInjury = t;
        }
        return t;
    }

    private static byte[] resource(String name) {
        try (InputStream in = TransactionProfile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, name, "resource missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, name, "unreadable resource");
        }
    }

    /** Applies a profile that {@code extends} a shipped one: dictionaries and values replaced, nodes added. */
    private static JsonNode extend(JsonNode child, String origin) {
        String base = child.get("extends").asText();
        if (!"national-template".equals(base)) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, origin + ".extends",
                    "only national-template can be extended");
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged;
        try {
            merged = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(resource(TEMPLATE_RESOURCE));
        } catch (IOException e) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, TEMPLATE_RESOURCE, "unreadable resource");
        }
        for (String f : List.of("profile", "source", "lengthUnit", "values", "differences")) {
            if (child.has(f)) {
                merged.set(f, child.get(f));
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode dicts = merged.with("dictionaries");
        child.path("dictionaries").fields().forEachRemaining(e -> dicts.set(e.getKey(), e.getValue()));
        child.path("extraOutputNodes").fields().forEachRemaining(e -> {
            boolean found = false;
            for (JsonNode t : merged.path("transactions")) {
                if (t.path("infno").asText().equals(e.getKey())) {
                    com.fasterxml.jackson.databind.node.ArrayNode out = ((com.fasterxml.jackson.databind.node.ObjectNode) t)
                            .withArray("output");
                    e.getValue().forEach(out::add);
                    found = true;
                }
            }
            if (!found) {
                throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, origin + ".extraOutputNodes." + e.getKey(),
                        "no such transaction");
            }
        });
        return merged;
    }

    /**
     * Loads a region's profile file (same structure as the shipped {@code national-template.json}).
     *
     * @throws ProfileException {@code PROFILE_INVALID} naming the part that is wrong
     */
    public static TransactionProfile load(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, file.toString(),
                    "cannot read profile file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads a profile from JSON bytes; {@code origin} names it in errors. */
    public static TransactionProfile read(byte[] json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, origin, "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, origin, "not a JSON object");
        }
        if (root.has("extends")) {
            root = extend(root, origin);
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        String name = requireText(root, "profile", origin);
        LengthUnit unit = switch (root.path("lengthUnit").asText("char")) {
            case "char" -> LengthUnit.CHAR;
            case "utf8-byte" -> LengthUnit.UTF8_BYTE;
            case "gbk-byte" -> LengthUnit.GBK_BYTE;
            default -> throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, "lengthUnit",
                    "one of char, utf8-byte, gbk-byte");
        };
        Set<String> reversible = new HashSet<>();
        root.path("reversibleBy2601").forEach(n -> reversible.add(n.asText()));
        Map<String, Dictionary> dictionaries = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("dictionaries").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> codes = new LinkedHashMap<>();
            e.getValue().path("codes").fields().forEachRemaining(c -> codes.put(c.getKey(), c.getValue().asText()));
            dictionaries.put(e.getKey(), new Dictionary(e.getKey(), e.getValue().path("name").asText(""),
                    e.getValue().path("table").asText(""), codes));
        }
        Map<Transaction, TransactionSpec> specs = new EnumMap<>(Transaction.class);
        JsonNode txns = root.path("transactions");
        if (!txns.isArray() || txns.isEmpty()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, "transactions", "missing or empty");
        }
        for (JsonNode t : txns) {
            String infno = requireText(t, "infno", "transactions");
            Transaction tx = enumOf(Transaction.class, requireText(t, "key", infno), infno + ".key");
            UnknownOutcome unknown = enumOf(UnknownOutcome.class, t.path("onUnknown").asText("RESEND"),
                    infno + ".onUnknown");
            TransactionSpec spec = new TransactionSpec(infno, tx, t.path("title").asText(""), unknown,
                    reversible.contains(infno), nodes(t.path("input"), infno + ".input"),
                    nodes(t.path("output"), infno + ".output"),
                    t.has("inputFile") ? node(t.get("inputFile"), infno + ".inputFile", "file") : null,
                    t.has("outputFile") ? node(t.get("outputFile"), infno + ".outputFile", "file") : null);
            if (specs.put(tx, spec) != null) {
                throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, infno, tx + " defined twice");
            }
        }
        JsonNode env = root.path("envelope");
        NodeSpec request = env.has("request") ? node(env.get("request"), "envelope.request", "request") : null;
        NodeSpec response = env.has("response") ? node(env.get("response"), "envelope.response", "response") : null;
        return new TransactionProfile(name, root.path("source").asText(""), unit, specs, dictionaries, request, response,
                values);
    }

    private static List<NodeSpec> nodes(JsonNode array, String where) {
        List<NodeSpec> r = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return r;
        }
        if (!array.isArray()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, where, "not an array of nodes");
        }
        for (JsonNode n : array) {
            r.add(node(n, where, null));
        }
        return r;
    }

    private static NodeSpec node(JsonNode n, String where, String defaultKey) {
        String key = defaultKey != null && !n.has("key") ? defaultKey : requireText(n, "key", where);
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode f : n.path("fields")) {
            String fk = requireText(f, "key", where + "." + key);
            String at = where + "." + key + "." + fk;
            FieldType type = enumOf(FieldType.class, requireText(f, "type", at).toUpperCase(java.util.Locale.ROOT), at);
            String wire = f.path("name").asText(fk);
            if (!names.add(wire)) {
                throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, at, "field defined twice");
            }
            fields.add(new FieldSpec(fk, wire, f.path("label").asText(""), type, f.path("length").asInt(0),
                    f.path("precision").asInt(0), f.path("scale").asInt(0), f.path("coded").asBoolean(false),
                    f.path("required").asBoolean(false), f.path("minValue").asLong(0), f.path("maxDigits").asInt(0),
                    f.path("note").asText("")));
        }
        if (fields.isEmpty()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, where + "." + key, "node has no fields");
        }
        return new NodeSpec(key, n.path("name").asText(key), n.path("table").asText(""),
                "many".equals(n.path("rows").asText("one")), n.path("maxRows").asInt(0), fields);
    }

    private static String requireText(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, where + "." + field, "missing");
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, where, "unknown value");
        }
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** The document the profile transcribes. */
    public String source() {
        return source;
    }

    /** How string lengths are counted. */
    public LengthUnit lengthUnit() {
        return lengthUnit;
    }

    /** Whether the profile defines {@code transaction}. */
    public boolean defines(Transaction transaction) {
        return byTransaction.containsKey(transaction);
    }

    /**
     * The table of {@code transaction}.
     *
     * @throws ProfileException {@code UNKNOWN_TRANSACTION}
     */
    public TransactionSpec spec(Transaction transaction) {
        TransactionSpec s = byTransaction.get(transaction);
        if (s == null) {
            throw new ProfileException(ProfileErrorCode.UNKNOWN_TRANSACTION, "transaction",
                    transaction + " not in profile " + name);
        }
        return s;
    }

    /** The wire code of {@code transaction}. */
    public String infno(Transaction transaction) {
        return spec(transaction).infno();
    }

    /** The transaction sent as {@code infno}, empty when the profile does not know it. */
    public Optional<TransactionSpec> specOf(String infno) {
        return Optional.ofNullable(byInfno.get(infno));
    }

    /** The logical transaction sent as {@code infno}, empty when the profile does not know it. */
    public Optional<Transaction> transactionOf(String infno) {
        return specOf(infno).map(TransactionSpec::transaction);
    }

    /**
     * The transaction sent as {@code infno}.
     *
     * @throws ProfileException {@code UNKNOWN_TRANSACTION}
     */
    public Transaction require(String infno) {
        return transactionOf(infno).orElseThrow(() -> new ProfileException(ProfileErrorCode.UNKNOWN_TRANSACTION,
                "infno", "infno not in profile " + name));
    }

    /** Every transaction of the profile. */
    public List<TransactionSpec> transactions() {
        return List.copyOf(byTransaction.values());
    }

    /** The dictionary coding field {@code key}, when the profile has one. */
    public Optional<Dictionary> dictionary(String key) {
        return Optional.ofNullable(dictionaries.get(key));
    }

    /** The request envelope table (表 2), or empty when the profile has none. */
    public Optional<NodeSpec> requestEnvelope() {
        return Optional.ofNullable(requestEnvelope);
    }

    /** The response envelope table (表 3), or empty when the profile has none. */
    public Optional<NodeSpec> responseEnvelope() {
        return Optional.ofNullable(responseEnvelope);
    }

    /**
     * A coded value the profile sets for this deployment ({@code insutype}, {@code med_type},
     * {@code psn_setlway}, {@code clr_type}, {@code mdtrt_cert_type.card} …).
     *
     * @throws ProfileException {@code PROFILE_INVALID} when the profile does not set it
     */
    public String value(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ProfileException(ProfileErrorCode.PROFILE_INVALID, "values." + key,
                    "profile " + name + " sets no value for " + key);
        }
        return v;
    }

    /** A copy of this profile with {@code key} set to {@code value} (e.g. another {@code med_type}). */
    public TransactionProfile withValue(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, Objects.requireNonNull(value, "value"));
        return new TransactionProfile(name, source, lengthUnit, byTransaction, dictionaries, requestEnvelope,
                responseEnvelope, copy);
    }

    /** The table checker for this profile. */
    public TableCheck tables() {
        return new TableCheck(this);
    }

    @Override
    public String toString() {
        return "TransactionProfile[" + name + ", " + byTransaction.size() + " transactions]";
    }
}
