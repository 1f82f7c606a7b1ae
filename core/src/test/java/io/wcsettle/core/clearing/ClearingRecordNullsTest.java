package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/** Regression (issue 17): a clearing record without a place or an amount is INVALID_INPUT naming it, not a NullPointerException. */
class ClearingRecordNullsTest {

    private static final Admdvs A = Admdvs.parse("a", "110000");
    private static final Admdvs B = Admdvs.parse("b", "430100");

    private static String field(org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals("INVALID_INPUT", x.code());
        return x.field();
    }

    @Test
    @DisplayName("R-CLR-1: ClearingRecord.of / new ClearingRecord with a null place or amount is INVALID_INPUT naming the field")
    void nulls() {
        assertEquals("insured", field(() -> ClearingRecord.of(null, B, Fen.ZERO, Fen.ZERO)));
        assertEquals("treatment", field(() -> ClearingRecord.of(A, null, Fen.ZERO, Fen.ZERO)));
        assertEquals("fundPaid", field(() -> ClearingRecord.of(A, B, null, Fen.ZERO)));
        assertEquals("deduction", field(() -> new ClearingRecord("R1", A, B, "H1", null, Fen.ZERO, null)));
        assertEquals(Fen.ZERO, ClearingRecord.of(A, B, Fen.ZERO, Fen.ZERO).deduction());
    }
}
