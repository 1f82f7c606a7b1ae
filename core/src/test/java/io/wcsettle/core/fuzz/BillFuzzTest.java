package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.IsoDate;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.ReviewFlag;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;

/**
 * R-MON-1, R-SET-8, R-SET-10, R-SET-12: bills built from HIS-shaped text the way an integration
 * builds them (parse each field, {@code BillLine.of}, {@code new Bill}, settle), with mutated
 * fields, huge prices and quantities, nulls, duplicate and dangling ids, returns beyond their
 * originals. Every bill is settled or refused with a code; an accepted bill's lines are within
 * 1 fen of the BigDecimal {@code round_half_up(price × quantity)}, its returns net to no less
 * than zero, and its settlement adds up (R-MON-2).
 */
class BillFuzzTest {

    private static final LocalDate ADMITTED = LocalDate.of(2025, 11, 3);
    private static final Catalogue TREATMENT = Catalogue.builder()
            .add("X001", LocalDate.of(2025, 1, 1), null, null)
            .add("BED01", LocalDate.of(2025, 1, 1), null, UnitPrice.ofFen(6000))
            .build();
    private static final Catalogue DEVICES = Catalogue.builder()
            .add("D100", LocalDate.of(2024, 1, 1), null, UnitPrice.ofFen(300000))
            .add("DBIG", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("cap", "9999999999.999999"))
            .build();
    private static final SettlementEngine ENGINE = new SettlementEngine(RegionalPolicies.BEIJING, TREATMENT, DEVICES);
    private static final Filing FILING = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE,
            FilingScope.MEDICAL, new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));

    /** One line as text fields, the way a HIS hands it over; any field may be null or mutated. */
    record LineText(String id, String code, LineCategory category, String date, String price, String quantity,
                    String amount, List<ReviewFlag> flags, String returnOf) {
    }

    record BillText(String admitted, String discharged, boolean nullStay, boolean nullInstitution, List<LineText> lines) {
        @Override
        public String toString() {
            return "admitted " + admitted + " discharged " + discharged + (nullStay ? " no stay" : "")
                    + (nullInstitution ? " no institution" : "") + " lines " + lines;
        }
    }

    private static String maybe(SplittableRandom r, String valid) {
        int k = r.nextInt(100);
        return k == 0 ? null : k < 8 ? Mutate.string(r, valid) : valid;
    }

    private static String price(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> "9999999999.999999";
            case 1 -> Mutate.digits(r, 1 + r.nextInt(10)) + "." + Mutate.digits(r, 1 + r.nextInt(6));
            case 2 -> MoneyFuzzTest.decimalText(r);
            default -> r.nextInt(10_000) + "." + Mutate.digits(r, 1 + r.nextInt(4));
        };
    }

    private static String quantity(SplittableRandom r, boolean negative) {
        String q = switch (r.nextInt(8)) {
            case 0 -> "999999999999.9999";
            case 1 -> Mutate.digits(r, 1 + r.nextInt(12));
            default -> (1 + r.nextInt(20)) + (r.nextBoolean() ? "" : "." + Mutate.digits(r, 1 + r.nextInt(4)));
        };
        return negative ? "-" + q : q;
    }

    static BillText generate(SplittableRandom r) {
        if (r.nextInt(20) == 0) {
            return huge(r);
        }
        int stayDays = r.nextInt(20);
        String admitted = maybe(r, ADMITTED.toString());
        String discharged = maybe(r, ADMITTED.plusDays(r.nextInt(30) == 0 ? -1 : stayDays).toString());
        int n = r.nextInt(r.nextInt(10) == 0 ? 200 : 8);
        List<LineText> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = r.nextInt(20) == 0 && !ids.isEmpty() ? ids.get(r.nextInt(ids.size()))
                    : "L" + Mutate.digits(r, 29);
            boolean isReturn = !lines.isEmpty() && r.nextInt(5) == 0;
            LineText original = isReturn ? lines.get(r.nextInt(lines.size())) : null;
            String code = isReturn && r.nextInt(10) > 0 ? original.code() : Mutate.pick(r, new String[] {"X001", "BED01", "D100", "DBIG", "Z9"});
            LineCategory category = isReturn && r.nextInt(10) > 0 ? original.category()
                    : r.nextInt(50) == 0 ? null : Mutate.pick(r, LineCategory.values());
            String date = maybe(r, ADMITTED.plusDays(r.nextInt(stayDays + 2)).toString());
            String price = isReturn && r.nextInt(10) > 0 ? original.price() : price(r);
            String quantity = maybe(r, quantity(r, isReturn != (r.nextInt(20) == 0)));
            String amount = r.nextInt(3) == 0 ? null : r.nextInt(10) == 0 ? MoneyFuzzTest.decimalText(r) : "AUTO";
            List<ReviewFlag> flags = new ArrayList<>();
            if (r.nextInt(6) == 0) {
                flags.add(r.nextInt(10) == 0 ? null : Mutate.pick(r, ReviewFlag.values()));
            }
            String returnOf = isReturn ? (r.nextInt(10) == 0 ? "nope" : original.id()) : null;
            lines.add(new LineText(id, r.nextInt(100) == 0 ? null : code, category, date, price, quantity, amount, flags,
                    returnOf));
            ids.add(id);
        }
        return new BillText(admitted, discharged, r.nextInt(100) == 0, r.nextInt(100) == 0, lines);
    }

    /** Lines near the top of the 16,6 price column, whose amounts sum to about Long.MAX_VALUE fen. */
    static BillText huge(SplittableRandom r) {
        List<LineText> lines = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            boolean device = r.nextBoolean();
            lines.add(device
                    ? new LineText("L" + i, "DBIG", LineCategory.DEVICE, ADMITTED.toString(), "1." + Mutate.digits(r, 2),
                            (1 + r.nextInt(9)) + Mutate.digits(r, 11), null, List.of(), null)
                    : new LineText("L" + i, "X001", LineCategory.DRUG, ADMITTED.toString(), "9999999999.999999",
                            (1 + r.nextInt(9)) + Mutate.digits(r, 6), null, List.of(), null));
        }
        return new BillText(ADMITTED.toString(), ADMITTED.toString(), false, false, lines);
    }

    /** Builds and settles the bill exactly as an integration does. */
    static SettlementResult settle(BillText b) {
        Stay stay = b.nullStay() ? null : new Stay(StayKind.INPATIENT_MEDICAL, IsoDate.parse("admittedOn", b.admitted()),
                IsoDate.parse("dischargedOn", b.discharged()), false, false);
        Institution institution = b.nullInstitution() ? null
                : new Institution("H43010200001", Admdvs.parse("institution.admdvs", "430102"), true, false);
        List<BillLine> lines = new ArrayList<>();
        for (int k = 0; k < b.lines().size(); k++) {
            LineText t = b.lines().get(k);
            UnitPrice price = UnitPrice.parse("lines[" + k + "].price", t.price());
            Quantity quantity = Quantity.parse("lines[" + k + "].quantity", t.quantity());
            Fen amount = t.amount() == null ? null
                    : t.amount().equals("AUTO") ? null : Fen.parseSignedYuan("lines[" + k + "].amount", t.amount());
            LocalDate date = t.date() == null ? null : IsoDate.parse("lines[" + k + "].serviceDate", t.date());
            lines.add(BillLine.of(t.id(), t.code(), t.category(), date, price, quantity, amount, t.flags(), t.returnOf()));
        }
        Bill bill = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, institution, stay, lines);
        return ENGINE.settle(bill);
    }

    @Test
    @DisplayName("R-MON-1, R-MON-2, R-SET-12 fuzz: a bill is settled and adds up, or is refused with a code")
    void buildAndSettle() {
        Fuzz.run("Bill/BillLine + settle", Fuzz.tries(1), BillFuzzTest::generate, BillFuzzTest::settle,
                new Fuzz.Oracle<BillText, SettlementResult>() {
                    @Override
                    public void accepted(BillText b, SettlementResult r) {
                        long[] net = new long[b.lines().size()];
                        BigInteger sum = BigInteger.ZERO;
                        Set<String> ids = new HashSet<>();
                        for (int k = 0; k < b.lines().size(); k++) {
                            LineText t = b.lines().get(k);
                            assertTrue(ids.add(t.id()), "duplicate id accepted");
                            long micros = UnitPrice.parse("p", t.price()).micros();
                            long q = Quantity.parse("q", t.quantity()).tenThousandths();
                            BigInteger reference = MoneyFuzzTest.lineReference(micros, q);
                            long amount = t.amount() == null || t.amount().equals("AUTO") ? reference.longValueExact()
                                    : Fen.parseSignedYuan("a", t.amount()).value();
                            assertTrue(reference.subtract(BigInteger.valueOf(amount)).abs().compareTo(BigInteger.ONE) <= 0,
                                    "line " + k + " more than 1 fen off");
                            assertEquals(t.returnOf() != null, q < 0, "negative quantity iff a return");
                            sum = sum.add(BigInteger.valueOf(amount));
                            net[k] = amount;
                            if (t.returnOf() != null) {
                                int o = indexOf(b.lines(), t.returnOf(), k);
                                assertTrue(o >= 0, "return of an unknown line accepted");
                                net[o] += amount;
                                assertTrue(net[o] >= 0, "returns beyond the original accepted");
                            }
                        }
                        assertEquals(sum, BigInteger.valueOf(r.total().value()), "R-MON-2: total = Σ amounts");
                        assertEquals(r.total(), r.fundPaid().plus(r.deducted()).plus(r.outside()), "R-MON-2");
                        for (int i = 0; i < r.lineCount(); i++) {
                            assertTrue(r.paidFen(i) >= 0 && r.deductedFen(i) >= 0 && r.outsideFen(i) >= 0, "parts >= 0");
                        }
                    }

                    @Override
                    public void rejected(BillText b, WcsettleException e) {
                        if (e.errorCode() != CoreErrorCode.AMOUNT_OVERFLOW) {
                            return;
                        }
                        // only when a line's price × quantity, or the bill's total, is beyond a long of fen
                        BigInteger total = BigInteger.ZERO;
                        for (LineText t : b.lines()) {
                            BigInteger a = MoneyFuzzTest.lineReference(UnitPrice.parse("p", t.price()).micros(),
                                    Quantity.parse("q", t.quantity()).tenThousandths());
                            if (a.bitLength() > 63) {
                                return;
                            }
                            total = total.add(t.amount() == null || t.amount().equals("AUTO") ? a
                                    : BigInteger.valueOf(Fen.parseSignedYuan("a", t.amount()).value()));
                        }
                        assertTrue(total.bitLength() > 63, "AMOUNT_OVERFLOW on a bill whose lines and total fit a long");
                    }
                });
    }

    private static int indexOf(List<LineText> lines, String id, int before) {
        for (int i = 0; i < before; i++) {
            if (lines.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

}
