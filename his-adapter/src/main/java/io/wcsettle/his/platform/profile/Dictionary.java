package io.wcsettle.his.platform.profile;

import java.util.Map;
import java.util.Objects;

/**
 * A code dictionary of the profile (险种类型 insutype, 医疗类别 med_type …). Dictionaries differ
 * between systems: the template's {@code insutype} follows 表 290, where 410 is 长期照护保险, while
 * the social-insurance code table used by many work-injury systems gives 410 to 工伤保险. The
 * profile decides.
 *
 * @param key   the field key the dictionary codes
 * @param name  its Chinese name
 * @param table the table it comes from
 * @param codes code → meaning, in table order
 */
public record Dictionary(String key, String name, String table, Map<String, String> codes) {

    /** Copies the codes. */
    public Dictionary {
        Objects.requireNonNull(key, "key");
        codes = Map.copyOf(codes);
    }

    /** Whether {@code code} is in the dictionary. */
    public boolean contains(String code) {
        return codes.containsKey(code);
    }
}
