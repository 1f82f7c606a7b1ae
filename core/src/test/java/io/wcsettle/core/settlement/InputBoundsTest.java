package io.wcsettle.core.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;

/** Bills at the edges of a long, and with parts missing: refused with codes, or settled exactly. */
class InputBoundsTest {

    private static final LocalDate DAY = Fixtures.ADMITTED.plusDays(1);
    private static final UnitPrice MAX_PRICE = UnitPrice.parse("price", "9999999999.999999");

    @Test
    @DisplayName("R-MON-1: a supplied amount of Long.MIN_VALUE fen is LINE_AMOUNT_MISMATCH, not 'within 1 fen' of 0")
    void minValueAmount_isMismatch() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new BillLine("R", "X001",
                LineCategory.DRUG, DAY, UnitPrice.ZERO, Quantity.parse("q", "-1"), Fen.of(Long.MIN_VALUE), Set.of(),
                Optional.of("L")));
        assertEquals(CoreErrorCode.LINE_AMOUNT_MISMATCH, e.errorCode());
    }

    @Test
    @DisplayName("R-MON-1: price × quantity beyond a long of fen is AMOUNT_OVERFLOW naming the line")
    void lineOverflow_namesTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BillLine.of("L1", "X001",
                LineCategory.DRUG, DAY, MAX_PRICE, Quantity.parse("q", "999999999999")));
        assertEquals(CoreErrorCode.AMOUNT_OVERFLOW, e.errorCode());
        assertEquals("lines[L1].amount", e.field());
    }

    @Test
    @DisplayName("R-MON-2: a bill whose total does not fit a long of fen is AMOUNT_OVERFLOW, not ArithmeticException")
    void billTotalOverflow_isTyped() {
        BillLine big = BillLine.of("L1", "X001", LineCategory.DRUG, DAY, MAX_PRICE, Quantity.parse("q", "5000000"));
        BillLine big2 = BillLine.of("L2", "X001", LineCategory.DRUG, DAY, MAX_PRICE, Quantity.parse("q", "5000000"));
        Fixtures.bill(big); // one fits
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fixtures.bill(big, big2));
        assertEquals(CoreErrorCode.AMOUNT_OVERFLOW, e.errorCode());
        assertEquals("lines", e.field());
    }

    @Test
    @DisplayName("R-SET-4: a device cap × quantity beyond a long of fen caps nothing: the line is paid in full")
    void hugeDeviceCap_paysInFull() {
        Catalogue devices = Catalogue.builder().add("DBIG", LocalDate.of(2024, 1, 1), null, MAX_PRICE).build();
        SettlementEngine engine = new SettlementEngine(RegionalPolicies.BEIJING, Fixtures.TREATMENT, devices);
        BillLine line = BillLine.of("L1", "DBIG", LineCategory.DEVICE, DAY, UnitPrice.parse("p", "1.00"),
                Quantity.parse("q", "99999999999"));
        Bill bill = new Bill(Optional.of(io.wcsettle.core.filing.Filing.of(RegionalPolicies.BEIJING,
                io.wcsettle.core.filing.FilingType.LONG_TERM_RESIDENCE, io.wcsettle.core.filing.FilingScope.DEVICE,
                Fixtures.FILING.insuredAdmdvs(), Fixtures.FILING.targetCity(), LocalDate.of(2025, 6, 1))),
                WorkerStatus.GOOD_STANDING, Fixtures.HOSPITAL,
                new Stay(StayKind.DEVICE, Fixtures.ADMITTED, Fixtures.DISCHARGED, false, true), List.of(line));
        SettlementResult r = engine.settle(bill);
        assertTrue(r.directSettlement(), r.reasons().toString());
        assertEquals(line.amount(), r.fundPaid());
    }

    @Test
    @DisplayName("Missing parts of a bill are INVALID_INPUT naming the field, never NullPointerException")
    void missingParts_areInvalidInput() {
        assertField("lines[L1].category", () -> BillLine.of("L1", "X001", null, DAY, UnitPrice.ZERO, Quantity.ZERO));
        assertField("lines[L1].price", () -> BillLine.of("L1", "X001", LineCategory.DRUG, DAY, null, Quantity.ZERO));
        assertField("lines[?].id", () -> BillLine.of(null, "X001", LineCategory.DRUG, DAY, UnitPrice.ZERO, Quantity.ZERO));
        assertField("lines[L1].flags[0]", () -> BillLine.of("L1", "X001", LineCategory.DRUG, DAY, UnitPrice.ZERO,
                Quantity.ZERO, null, Arrays.asList((ReviewFlag) null), null));
        assertField("lines[1]", () -> Fixtures.bill(Arrays.asList(
                Fixtures.line("L1", "X001", LineCategory.DRUG, "1", "1"), null)));
        assertField("stay", () -> new Bill(Optional.empty(), WorkerStatus.GOOD_STANDING, Fixtures.HOSPITAL, null, List.of()));
        assertField("admittedOn", () -> new Stay(StayKind.INPATIENT_MEDICAL, null, DAY, false, false));
        assertField("admdvs", () -> new Institution("H1", null, true, false));
        assertField("localApproval", () -> Bill.localNetworked(null, WorkerStatus.GOOD_STANDING, Fixtures.HOSPITAL,
                Fixtures.STAY, List.of()));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(CoreErrorCode.INVALID_INPUT, e.errorCode());
        assertEquals(field, e.field());
    }
}
