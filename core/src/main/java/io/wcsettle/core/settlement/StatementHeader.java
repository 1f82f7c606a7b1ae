package io.wcsettle.core.settlement;

import java.util.Objects;
import java.util.Optional;

/**
 * What the worker's statement prints above the amounts (R-SET-10) and the bill does not carry: the
 * institution's name, the worker's name and the settlement id. The name is printed masked
 * ({@link #maskedWorkerName()}), never in full; none of it is logged.
 *
 * @param settlementId    the settlement id (the platform's {@code setl_id}, or the HIS's own)
 * @param institutionName the institution's name as printed on its invoices
 * @param workerName      the worker's name as read from the card
 */
public record StatementHeader(Optional<String> settlementId, Optional<String> institutionName,
                              Optional<String> workerName) {

    /** No header: the statement shows the institution's code only. */
    public static final StatementHeader NONE = new StatementHeader(Optional.empty(), Optional.empty(), Optional.empty());

    /** Rejects nulls; blank values count as absent. */
    public StatementHeader {
        settlementId = nonBlank(settlementId);
        institutionName = nonBlank(institutionName);
        workerName = nonBlank(workerName);
    }

    /** A header with all three; a {@code null} or blank value is absent. */
    public static StatementHeader of(String settlementId, String institutionName, String workerName) {
        return new StatementHeader(Optional.ofNullable(settlementId), Optional.ofNullable(institutionName),
                Optional.ofNullable(workerName));
    }

    /**
     * The worker's name masked for print: the first character kept and the rest hidden, the last
     * one kept too from three characters on ({@code 张*}, {@code 张*丰}, {@code 欧**娜}).
     */
    public Optional<String> maskedWorkerName() {
        return workerName.map(StatementHeader::mask);
    }

    static String mask(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        int hidden = cps.length <= 2 ? cps.length - 1 : cps.length - 2;
        sb.append("*".repeat(hidden));
        if (cps.length > 2) {
            sb.appendCodePoint(cps[cps.length - 1]);
        }
        return sb.toString();
    }

    private static Optional<String> nonBlank(Optional<String> v) {
        return Objects.requireNonNull(v, "value").filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
        return "StatementHeader[settlementId=" + settlementId.orElse("-") + ", institution="
                + institutionName.orElse("-") + ", worker=" + maskedWorkerName().orElse("-") + "]";
    }
}
