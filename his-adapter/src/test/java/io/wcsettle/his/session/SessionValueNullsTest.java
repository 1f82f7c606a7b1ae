package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.LineCategory;

/** Regressions: the session's data values refuse a missing value with INVALID_INPUT naming it (were NullPointerException). */
class SessionValueNullsTest {

    private static final LocalDateTime AT = LocalDateTime.of(2025, 6, 1, 9, 30);
    private static final Diagnosis D = new Diagnosis("1", true, 1, "S62.101", "骨折", "骨科", "D001", "李医生", AT);

    private static String field(Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals("INVALID_INPUT", x.code());
        return x.field();
    }

    @Test
    @DisplayName("FeeDetail, FeeDetail.of with no line, AdmissionDetails, DischargeDetails, Diagnosis, Credential, SignIn: a null is INVALID_INPUT naming the field")
    void nullsAreInvalidInput() {
        BillLine line = BillLine.of("1", "XA01", LineCategory.DRUG, LocalDate.of(2025, 6, 1), UnitPrice.parse("p", "1.00"),
                Quantity.parse("q", "1"));
        assertEquals("line", field(() -> FeeDetail.of(null, "H", "GK", "骨科", "D001", "李医生")));
        assertEquals("billingDoctorName", field(() -> new FeeDetail(line, "H", AT, "GK", "骨科", "D001", null)));
        assertEquals("diagnoses", field(() -> new AdmissionDetails("ZY1", AT, "D", "李", "折", "GK", "骨科", "1", "S", "折",
                null)));
        assertEquals("diagnoses[1]", field(() -> new DischargeDetails(AT, "GK", "骨科", "1", Arrays.asList(D, null))));
        assertEquals("iptNo", field(() -> new AdmissionDetails(null, AT, "D", "李", "折", "GK", "骨科", "1", "S", "折",
                List.of(D))));
        assertEquals("time", field(() -> new Diagnosis("1", true, 1, "S", "折", "骨科", "D", "李", null)));
        assertEquals("name", field(() -> Credential.idCard("150102198001010016", null)));
        assertEquals("token", field(() -> Credential.electronicCard(null, "150102198001010016", "张三")));
        assertEquals("card", field(() -> Credential.card(null)));
        assertEquals("ip", field(() -> new SignIn("op", "mac", null)));
    }
}
