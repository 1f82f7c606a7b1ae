package io.wcsettle.core.audit;

import java.util.List;

/**
 * The outcome of an audit run: sorted findings (identical for any order of the same records)
 * and the records that could not be checked.
 *
 * @param findings findings, sorted by rule, worker, records
 * @param errors   bad records, in input order
 * @param checked  number of records checked
 */
public record AuditReport(List<Finding> findings, List<RecordError> errors, long checked) {

    /** Copies the lists. */
    public AuditReport {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }
}
