package io.wcsettle.his.platform.profile;

import java.util.List;

import io.wcsettle.core.error.WcsettleException;

/**
 * An interface-profile error: a bad profile file, or a message that breaks its table. The
 * violations name paths and problems, never values (they may be personal data).
 */
public final class ProfileException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    private final List<TableViolation> violations;

    /** An error without table violations (a bad profile file, an unknown transaction). */
    public ProfileException(ProfileErrorCode code, String field, String message) {
        super(code, field, message);
        this.violations = List.of();
    }

    /** A message that breaks its table; the first violation names the field. */
    public ProfileException(ProfileErrorCode code, String infno, List<TableViolation> violations) {
        super(code, violations.isEmpty() ? null : violations.get(0).path(),
                infno + " breaks its table: " + summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found (the message shows the first few). */
    public List<TableViolation> violations() {
        return violations;
    }

    private static String summary(List<TableViolation> v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(5, v.size()); i++) {
            b.append(i == 0 ? "" : "; ").append(v.get(i));
        }
        if (v.size() > 5) {
            b.append("; … ").append(v.size() - 5).append(" more");
        }
        return b.toString();
    }
}
