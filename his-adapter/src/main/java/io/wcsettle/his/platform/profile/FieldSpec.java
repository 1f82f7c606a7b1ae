package io.wcsettle.his.platform.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of an interface table: a field of a node.
 *
 * @param key       the logical key (the template's 参数代码); the SDK's code uses it
 * @param name      the wire name (equal to the key in the template; a region's profile may rename it)
 * @param label     the table's 参数名称
 * @param type      the value type
 * @param length    maximum length of a string (in the profile's length unit), 0 when the table gives none
 * @param precision total digits of a number ({@code 16} of {@code 16,2}), 0 for non-numbers
 * @param scale     decimals of a number ({@code 2} of {@code 16,2})
 * @param coded     whether the field is dictionary-coded (代码标识 Y)
 * @param required  是否必填 (input) / 是否非空 (output)
 * @param minValue  smallest value of a {@link FieldType#DIGITS} field, 0 when unbounded
 * @param maxDigits most digits of a {@link FieldType#DIGITS} field, 0 when only the length bounds it
 * @param note      why the profile reads the table the way it does, or {@code ""}
 */
public record FieldSpec(String key, String name, String label, FieldType type, int length, int precision,
                        int scale, boolean coded, boolean required, long minValue, int maxDigits, String note) {

    /** Checks the parts. */
    public FieldSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = Objects.requireNonNullElse(label, "");
        note = Objects.requireNonNullElse(note, "");
    }

    /** The note, when the profile had to interpret the table. */
    public Optional<String> interpretation() {
        return note.isEmpty() ? Optional.empty() : Optional.of(note);
    }
}
