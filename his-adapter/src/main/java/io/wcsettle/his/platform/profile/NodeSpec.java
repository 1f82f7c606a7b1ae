package io.wcsettle.his.platform.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of a transaction: a node ({@code data}, {@code mdtrtinfo}, {@code setlinfo} …) with its
 * fields. A one-row node travels as a JSON object, a many-row node as an array of objects.
 *
 * @param key     the logical node key (the template's 节点标识)
 * @param name    the wire name
 * @param table   the table it comes from ({@code 表 95})
 * @param many    whether the node holds several rows (an array)
 * @param maxRows most rows per call, 0 when the table sets no bound
 * @param fields  the fields in table order
 */
public record NodeSpec(String key, String name, String table, boolean many, int maxRows, List<FieldSpec> fields) {

    /** Copies the field list. */
    public NodeSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    /** The field with logical {@code key}. */
    public Optional<FieldSpec> field(String fieldKey) {
        for (FieldSpec f : fields) {
            if (f.key().equals(fieldKey)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The fields by wire name. */
    public Map<String, FieldSpec> byName() {
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        for (FieldSpec f : fields) {
            m.put(f.name(), f);
        }
        return m;
    }
}
