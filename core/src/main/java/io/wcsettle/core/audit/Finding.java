package io.wcsettle.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * One audit finding: the rule, the worker, the records behind it (sorted ids) and a short
 * detail without personal data.
 *
 * @param rule      the rule that fired
 * @param workerId  the opaque worker id
 * @param recordIds the records behind the finding, sorted
 * @param detail    what was seen, e.g. "4 admissions within 30 days"
 */
public record Finding(AuditRuleId rule, String workerId, List<String> recordIds, String detail)
        implements Comparable<Finding> {

    /** Sorts and copies the record ids. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(workerId, "workerId");
        recordIds = recordIds.stream().sorted().toList();
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public int compareTo(Finding o) {
        int c = rule.compareTo(o.rule);
        if (c == 0) {
            c = workerId.compareTo(o.workerId);
        }
        if (c == 0) {
            c = String.join(",", recordIds).compareTo(String.join(",", o.recordIds));
        }
        return c != 0 ? c : detail.compareTo(o.detail);
    }
}
