package io.wcsettle.core.monthly;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/**
 * R-UPL-5 (IM Art. 30, 34; source 000): the treatment-place agency's monthly settlement with its
 * institutions. From the direct settlements of a month — cancelled ones excluded, the agency's
 * audit deductions applied — one statement per institution, with count, medical total, fund paid,
 * deductions and payable; local networked settlements (R-LOC-1) on the same statement. The
 * statements add up to the month exactly, whatever the input order, and a settlement given twice
 * counts once.
 */
public final class MonthlySettlement {

    private static final Comparator<DirectSettlement> BY_ID = Comparator.comparing(DirectSettlement::settlementId);

    private MonthlySettlement() {
    }

    /**
     * The monthly settlement of {@code month}.
     *
     * @param settlements  the direct settlements known (other months are counted and left out)
     * @param cancelledIds ids of cancelled settlements
     * @throws InvalidInputException {@code SETTLEMENT_CONFLICT} when one id comes with two different contents
     */
    public static MonthlyRun of(YearMonth month, Iterable<DirectSettlement> settlements, Set<String> cancelledIds) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(cancelledIds, "cancelledIds");
        Map<String, DirectSettlement> byId = new HashMap<>();
        long otherMonths = 0;
        long repeats = 0;
        long cancelled = 0;
        for (DirectSettlement s : settlements) {
            if (s.settledOn().getYear() != month.getYear() || s.settledOn().getMonthValue() != month.getMonthValue()) {
                otherMonths++;
                continue;
            }
            DirectSettlement earlier = byId.putIfAbsent(s.settlementId(), s);
            if (earlier != null) {
                if (!earlier.equals(s)) {
                    throw new InvalidInputException(AgencyErrorCode.SETTLEMENT_CONFLICT, "settlementId",
                            "one id with two different settlements");
                }
                repeats++;
            }
        }
        Map<String, List<DirectSettlement>> byInstitution = new TreeMap<>();
        for (DirectSettlement s : byId.values()) {
            if (cancelledIds.contains(s.settlementId())) {
                cancelled++;
                continue;
            }
            byInstitution.computeIfAbsent(s.institutionCode(), k -> new ArrayList<>()).add(s);
        }
        List<MonthlyStatement> statements = new ArrayList<>(byInstitution.size());
        for (Map.Entry<String, List<DirectSettlement>> e : byInstitution.entrySet()) {
            List<DirectSettlement> list = e.getValue();
            list.sort(BY_ID);
            statements.add(new MonthlyStatement(month, e.getKey(), list));
        }
        return new MonthlyRun(month, statements, cancelled, otherMonths, repeats);
    }
}
