package io.wcsettle.core.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.filing.FilingValidity;

/**
 * One audit run over a stream of settled records (R-AUD-1, R-AUD-3). Feed records one at a time
 * with {@link #accept(Supplier)} (for example straight from a file reader), then call
 * {@link #finish()}. The large-amount rule is decided per record; the other rules keep a compact
 * per-worker index (dates, ids, invoice numbers), not the records. Findings do not depend on the
 * order of the records. Not thread-safe; one session per run.
 */
public final class AuditSession {

    private final AuditThresholds thresholds;
    private final List<Finding> findings = new ArrayList<>();
    private final List<RecordError> errors = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final Map<String, List<Stay>> staysByWorker = new HashMap<>();
    private final Map<String, FilingValidity> filings = new HashMap<>();
    private long position;
    private long checked;
    private boolean finished;

    /** A session with the given thresholds. */
    public AuditSession(AuditThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * Registers a filing's validity so that 两地双向支出 is judged against the filing period; without
     * it the span of the filing's own records is used.
     */
    public void registerFiling(String filingId, FilingValidity validity) {
        filings.put(Objects.requireNonNull(filingId, "filingId"), Objects.requireNonNull(validity, "validity"));
    }

    /**
     * Checks one record. {@code record} is called once; a coded error it throws (a bad record)
     * is reported with the record's position, and the session goes on.
     */
    public void accept(Supplier<SettledRecord> record) {
        if (finished) {
            throw new IllegalStateException("session finished");
        }
        long at = position++;
        SettledRecord r;
        try {
            r = record.get();
        } catch (WcsettleException e) {
            errors.add(new RecordError(at, null, e.code(), e.field()));
            return;
        }
        if (!seenIds.add(r.recordId())) {
            errors.add(new RecordError(at, r.recordId(), CoreErrorCode.DUPLICATE_RECORD_ID.code(), "recordId"));
            return;
        }
        checked++;
        if (r.fundPaid().compareTo(thresholds.largeAmount()) >= 0) {
            findings.add(new Finding(AuditRuleId.LARGE_AMOUNT, r.workerId(), List.of(r.recordId()),
                    "fund paid " + r.fundPaid().toYuanString() + " ≥ " + thresholds.largeAmount().toYuanString()));
        }
        staysByWorker.computeIfAbsent(r.workerId(), k -> new ArrayList<>()).add(Stay.of(r));
    }

    /** Checks every record of {@code records}. */
    public void acceptAll(Iterable<SettledRecord> records) {
        for (SettledRecord r : records) {
            accept(() -> r);
        }
    }

    /** Runs the cross-record rules and returns the report; the session cannot be fed afterwards. */
    public AuditReport finish() {
        finished = true;
        List<String> workers = new ArrayList<>(staysByWorker.keySet());
        workers.sort(Comparator.naturalOrder());
        for (String worker : workers) {
            List<Stay> stays = staysByWorker.get(worker);
            stays.sort(Comparator.comparing((Stay s) -> s.admittedOn).thenComparing(s -> s.recordId));
            highFrequency(worker, stays);
            dualPlace(worker, stays);
            manualDuplicates(worker, stays);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.naturalOrder());
        return new AuditReport(sorted, errors, checked);
    }

    /** R-AUD-1: clusters of at least N admissions with first and last within M days. */
    private void highFrequency(String worker, List<Stay> stays) {
        int n = thresholds.highFrequencyAdmissions();
        int days = thresholds.highFrequencyDays();
        TreeSet<String> cluster = new TreeSet<>();
        LocalDate clusterEnd = null;
        for (int i = 0; i + n - 1 < stays.size(); i++) {
            Stay first = stays.get(i);
            Stay last = stays.get(i + n - 1);
            if (ChronoUnit.DAYS.between(first.admittedOn, last.admittedOn) < days) {
                if (clusterEnd != null && first.admittedOn.isAfter(clusterEnd)) {
                    emitFrequency(worker, cluster, n, days);
                }
                for (int k = i; k < i + n; k++) {
                    cluster.add(stays.get(k).recordId);
                }
                clusterEnd = last.admittedOn;
            }
        }
        emitFrequency(worker, cluster, n, days);
    }

    private void emitFrequency(String worker, TreeSet<String> cluster, int n, int days) {
        if (!cluster.isEmpty()) {
            findings.add(new Finding(AuditRuleId.HIGH_FREQUENCY, worker, List.copyOf(cluster),
                    cluster.size() + " admissions, at least " + n + " within " + days + " days"));
            cluster.clear();
        }
    }

    /** R-AUD-1 两地双向支出: under one filing, spending both away and back in the insured province. */
    private void dualPlace(String worker, List<Stay> stays) {
        Map<String, List<Stay>> byFiling = new HashMap<>();
        for (Stay s : stays) {
            if (s.filingId != null && !s.inInsuredProvince) {
                byFiling.computeIfAbsent(s.filingId, k -> new ArrayList<>()).add(s);
            }
        }
        List<String> filingIds = new ArrayList<>(byFiling.keySet());
        filingIds.sort(Comparator.naturalOrder());
        for (String filingId : filingIds) {
            List<Stay> away = byFiling.get(filingId);
            FilingValidity validity = filings.get(filingId);
            LocalDate from = validity != null ? validity.validFrom()
                    : away.stream().map(s -> s.admittedOn).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate through = validity != null ? validity.validThrough()
                    : away.stream().map(s -> s.dischargedOn).max(Comparator.naturalOrder()).orElseThrow();
            TreeSet<String> home = new TreeSet<>();
            for (Stay s : stays) {
                if (s.inInsuredProvince && !s.admittedOn.isAfter(through) && !s.dischargedOn.isBefore(from)) {
                    home.add(s.recordId);
                }
            }
            if (!home.isEmpty()) {
                TreeSet<String> ids = new TreeSet<>(home);
                away.forEach(s -> ids.add(s.recordId));
                findings.add(new Finding(AuditRuleId.DUAL_PLACE_SPENDING, worker, List.copyOf(ids),
                        "filing " + filingId + ": " + away.size() + " away, " + home.size() + " in the insured province"));
            }
        }
    }

    /** R-AUD-3 / R-UPL-3: a manual claim sharing an invoice, or institution and stay dates, with a direct settlement. */
    private void manualDuplicates(String worker, List<Stay> stays) {
        for (Stay claim : stays) {
            if (!claim.manual) {
                continue;
            }
            TreeSet<String> matches = new TreeSet<>();
            for (Stay direct : stays) {
                if (!direct.manual && ManualDuplicate.matches(claim, direct)) {
                    matches.add(direct.recordId);
                }
            }
            if (!matches.isEmpty()) {
                List<String> ids = new ArrayList<>(matches);
                ids.add(claim.recordId);
                findings.add(new Finding(AuditRuleId.MANUAL_CLAIM_DUPLICATE, worker, ids,
                        "manual claim " + claim.recordId + " duplicates " + matches.size() + " direct settlement(s)"));
            }
        }
    }

    /** The compact per-record index the cross-record rules need. */
    static final class Stay {
        final String recordId;
        final boolean manual;
        final String institution;
        final String filingId;
        final boolean inInsuredProvince;
        final LocalDate admittedOn;
        final LocalDate dischargedOn;
        final Set<String> invoices;

        private Stay(SettledRecord r) {
            recordId = r.recordId();
            manual = r.kind() == SettledRecord.Kind.MANUAL_CLAIM;
            institution = r.institutionCode();
            filingId = r.filingId().orElse(null);
            inInsuredProvince = r.treatedInInsuredProvince();
            admittedOn = r.admittedOn();
            dischargedOn = r.dischargedOn();
            invoices = Set.copyOf(r.invoices());
        }

        static Stay of(SettledRecord r) {
            return new Stay(r);
        }
    }

    /** The duplicate test of R-UPL-3 on the compact index. */
    static final class ManualDuplicate {
        private ManualDuplicate() {
        }

        static boolean matches(Stay claim, Stay direct) {
            for (String invoice : claim.invoices) {
                if (direct.invoices.contains(invoice)) {
                    return true;
                }
            }
            return claim.institution.equals(direct.institution)
                    && !claim.admittedOn.isAfter(direct.dischargedOn) && !direct.admittedOn.isAfter(claim.dischargedOn);
        }
    }
}
