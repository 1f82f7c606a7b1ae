package io.wcsettle.core.settlement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.local.LocalApproval;

/**
 * Everything one discharge settlement judges, immutable and checked as a whole on construction:
 * the filing (absent when the worker has none), the worker's status, the institution, the stay
 * and its lines. Checks refuse the whole bill, so nothing is ever partially computed:
 * {@code DUPLICATE_LINE_ID}, {@code SERVICE_DATE_OUTSIDE_STAY} (R-SET-8), and the returns of
 * R-SET-12 ({@code INVALID_RETURN}: unknown, later or itself-returning original; different code,
 * category or price; returns beyond the original's quantity or amount), and a total that fits a
 * long of fen ({@code AMOUNT_OVERFLOW}, R-MON-2).
 *
 * <p>Returns are netted into their originals here (R-SET-12): the engine judges each original
 * on its net quantity and net amount.
 */
public final class Bill {

    private final SettlementBasis basis;
    private final Optional<Filing> filing;
    private final Optional<LocalApproval> localApproval;
    private final WorkerStatus worker;
    private final Institution institution;
    private final Stay stay;
    private final List<BillLine> lines;
    /** For a return line, the index of its original; -1 otherwise. */
    private final int[] originalOf;
    /** Whether an original has at least one return. */
    private final boolean[] returned;
    private final long[] netQuantity;
    private final long[] netAmount;
    private final byte[] flagBits;

    /**
     * A checked bill.
     *
     * @throws InvalidInputException {@code DUPLICATE_LINE_ID}, {@code SERVICE_DATE_OUTSIDE_STAY},
     *                               {@code INVALID_RETURN}, {@code AMOUNT_OVERFLOW}; {@code INVALID_INPUT}
     *                               for a missing part or line
     */
    public Bill(Optional<Filing> filing, WorkerStatus worker, Institution institution, Stay stay,
                List<BillLine> lines) {
        this(SettlementBasis.CROSS_PROVINCE, filing, Optional.empty(), worker, institution, stay, lines);
    }

    /**
     * R-LOC-1: a bill of local networked settlement inside the insured city, settled by the same
     * engine with the agency's online approval in place of a cross-province filing.
     *
     * @throws InvalidInputException as {@link #Bill(Optional, WorkerStatus, Institution, Stay, List)}
     */
    public static Bill localNetworked(LocalApproval approval, WorkerStatus worker, Institution institution,
                                      Stay stay, List<BillLine> lines) {
        return new Bill(SettlementBasis.LOCAL_NETWORKED, Optional.empty(),
                Optional.of(Inputs.required(approval, "localApproval")), worker, institution, stay, lines);
    }

    private Bill(SettlementBasis basis, Optional<Filing> filing, Optional<LocalApproval> localApproval,
                 WorkerStatus worker, Institution institution, Stay stay, List<BillLine> lines) {
        this.basis = Inputs.required(basis, "basis");
        this.filing = Inputs.required(filing, "filing");
        this.localApproval = Inputs.required(localApproval, "localApproval");
        this.worker = Inputs.required(worker, "worker");
        this.institution = Inputs.required(institution, "institution");
        this.stay = Inputs.required(stay, "stay");
        this.lines = List.copyOf(Inputs.requiredElements(lines, "lines"));
        int n = this.lines.size();
        originalOf = new int[n];
        returned = new boolean[n];
        netQuantity = new long[n];
        netAmount = new long[n];
        flagBits = new byte[n];
        Map<String, Integer> index = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            BillLine line = this.lines.get(i);
            String at = "lines[" + line.id() + "]";
            if (index.putIfAbsent(line.id(), i) != null) {
                throw new InvalidInputException(CoreErrorCode.DUPLICATE_LINE_ID, at + ".id", "line id used twice");
            }
            if (!stay.contains(line.serviceDate())) {
                throw new InvalidInputException(CoreErrorCode.SERVICE_DATE_OUTSIDE_STAY, at + ".serviceDate",
                        "service date outside admission..discharge");
            }
            int bits = 0;
            for (ReviewFlag f : line.flags()) {
                bits |= 1 << f.ordinal();
            }
            flagBits[i] = (byte) bits;
            originalOf[i] = -1;
            netQuantity[i] = line.quantity().tenThousandths();
            netAmount[i] = line.amount().value();
            if (line.isReturn()) {
                Integer o = index.get(line.returnOf().get());
                if (o == null || o == i) {
                    throw invalidReturn(at, "returns no earlier line of this bill");
                }
                BillLine original = this.lines.get(o);
                if (original.isReturn()) {
                    throw invalidReturn(at, "returns a return line");
                }
                if (!original.code().equals(line.code()) || original.category() != line.category()
                        || !original.price().equals(line.price())) {
                    throw invalidReturn(at, "code, category or price differ from the original");
                }
                originalOf[i] = o;
                returned[o] = true;
                netQuantity[o] = Math.addExact(netQuantity[o], line.quantity().tenThousandths());
                netAmount[o] = Math.addExact(netAmount[o], line.amount().value());
                if (netQuantity[o] < 0 || netAmount[o] < 0) {
                    throw invalidReturn(at, "returns exceed the original");
                }
            }
        }
        // R-MON-2: the bill's total (the sum of the net amounts, all >= 0) must fit a long of fen
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (originalOf[i] < 0) {
                total += netAmount[i];
                if (total < 0) {
                    throw new InvalidInputException(CoreErrorCode.AMOUNT_OVERFLOW, "lines",
                            "the bill's total overflows a long of fen");
                }
            }
        }
    }

    private static InvalidInputException invalidReturn(String at, String message) {
        return new InvalidInputException(CoreErrorCode.INVALID_RETURN, at + ".returnOf", message);
    }

    /**
     * R-FIL-11 (BJ §二(三); IM Art. 13): this bill of a long-term filer treated back in the insured
     * province, to be settled under the insured place's own policy and catalogues
     * ({@link SettlementBasis#HOME_PLACE}). {@link SettlementRouter} makes it when the cross-province
     * verdict is {@link BillReason#TREATED_IN_INSURED_PLACE}.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} when the bill has no filing, or a referral
     *                               filing (R-FIL-11 is about long-term residence and resident work)
     */
    public Bill homePlace() {
        if (filing.isEmpty() || !filing.get().type().isResidence()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "filing.type",
                    "R-FIL-11 settles long-term residence and resident-work filers only");
        }
        return new Bill(SettlementBasis.HOME_PLACE, filing, localApproval, worker, institution, stay, lines);
    }

    /** On what this bill is settled directly. */
    public SettlementBasis basis() {
        return basis;
    }

    /** The filing, empty when the worker has none. */
    public Optional<Filing> filing() {
        return filing;
    }

    /** The local networked settlement approval (R-LOC-1), empty for a cross-province bill. */
    public Optional<LocalApproval> localApproval() {
        return localApproval;
    }

    /** The worker's status. */
    public WorkerStatus worker() {
        return worker;
    }

    /** The institution. */
    public Institution institution() {
        return institution;
    }

    /** The stay. */
    public Stay stay() {
        return stay;
    }

    /** The lines, in input order. */
    public List<BillLine> lines() {
        return lines;
    }

    /** A copy with other lines (checked again). */
    public Bill withLines(List<BillLine> newLines) {
        return new Bill(basis, filing, localApproval, worker, institution, stay, newLines);
    }

    int originalOf(int i) {
        return originalOf[i];
    }

    boolean returned(int i) {
        return returned[i];
    }

    long netQuantity(int i) {
        return netQuantity[i];
    }

    long netAmount(int i) {
        return netAmount[i];
    }

    boolean flagged(int i, ReviewFlag flag) {
        return (flagBits[i] & (1 << flag.ordinal())) != 0;
    }
}
