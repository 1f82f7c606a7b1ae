package io.wcsettle.his.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.CanonicalJson;

/** What the tables refuse, and what a built payload looks like. */
class TableCheckTest {

    private static final TransactionProfile P = TransactionProfile.workInjury();
    private static final TransactionSpec T3201 = P.spec(Transaction.RECONCILE_TOTALS);

    private static Map<String, Object> totals() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("insutype", "410");
        m.put("clr_type", "21");
        m.put("setl_optins", "150102");
        m.put("stmt_begndate", LocalDate.of(2026, 3, 2));
        m.put("stmt_enddate", LocalDate.of(2026, 3, 2));
        m.put("medfee_sumamt", Fen.of(123456));
        m.put("fund_pay_sumamt", Fen.of(100000));
        m.put("acct_pay", Fen.ZERO);
        m.put("fixmedins_setl_cnt", 3L);
        return m;
    }

    private static List<TableViolation> check(JsonNode in) {
        return P.tables().input(T3201, in, TableCheck.Strictness.STRICT);
    }

    @Test
    @DisplayName("Payload: every field of the table is written in its node, numbers as JSON numbers, empty string as \"\"")
    void builtPayload() {
        ObjectNode in = Payload.input(P, Transaction.RECONCILE_TOTALS).row("data", totals()).build();
        JsonNode data = in.get("data");
        assertEquals(10, data.size());
        assertTrue(data.get("medfee_sumamt").isNumber());
        assertEquals("1234.56", data.get("medfee_sumamt").decimalValue().toPlainString());
        assertTrue(data.get("fixmedins_setl_cnt").isIntegralNumber());
        assertEquals("", data.get("refd_setl_flag").asText());
        assertEquals("2026-03-02", data.get("stmt_begndate").asText());
        assertEquals(List.of(), check(in));
    }

    @Test
    @DisplayName("Table: a flat input (no node), a number as a string, an unknown field, a long string, a bad code, a bad date are each refused by path")
    void refusals() {
        ObjectNode good = Payload.input(P, Transaction.RECONCILE_TOTALS).row("data", totals()).build();
        ObjectNode flat = (ObjectNode) good.get("data").deepCopy();
        assertTrue(check(flat).stream().anyMatch(v -> v.path().equals("data") && v.problem().equals("node missing")));

        ObjectNode stringNumber = good.deepCopy();
        ((ObjectNode) stringNumber.get("data")).put("medfee_sumamt", "1234.56");
        assertEquals("data.medfee_sumamt", check(stringNumber).get(0).path());

        ObjectNode unknown = good.deepCopy();
        ((ObjectNode) unknown.get("data")).put("setl_date", "2026-03-02");
        assertEquals("data.setl_date", check(unknown).get(0).path());

        ObjectNode tooLong = good.deepCopy();
        ((ObjectNode) tooLong.get("data")).put("setl_optins", "1501020");
        assertEquals("data.setl_optins", check(tooLong).get(0).path());

        ObjectNode badCode = good.deepCopy();
        ((ObjectNode) badCode.get("data")).put("clr_type", "22");
        assertTrue(check(badCode).get(0).problem().contains("表 283"));

        ObjectNode badDate = good.deepCopy();
        ((ObjectNode) badDate.get("data")).put("stmt_enddate", "2026-02-30");
        assertEquals("data.stmt_enddate", check(badDate).get(0).path());

        ObjectNode decimals = good.deepCopy();
        ((ObjectNode) decimals.get("data")).put("acct_pay", new java.math.BigDecimal("0.001"));
        assertEquals("data.acct_pay", check(decimals).get(0).path());

        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.get("data")).remove("insutype");
        assertEquals("data.insutype", check(missing).get(0).path());
    }

    @Test
    @DisplayName("Payload: a value that breaks the table is refused before anything is written (REQUEST_VIOLATES_TABLE naming the field)")
    void refusedBeforeWriting() {
        Map<String, Object> m = totals();
        m.put("insutype", "999");
        ProfileException e = assertThrows(ProfileException.class,
                () -> Payload.input(P, Transaction.RECONCILE_TOTALS).row("data", m).build());
        assertEquals("REQUEST_VIOLATES_TABLE", e.code());
        assertEquals("data.insutype", e.field());
        Map<String, Object> extra = totals();
        extra.put("setl_cnt", 1L);
        assertEquals("data.setl_cnt", assertThrows(ProfileException.class,
                () -> Payload.input(P, Transaction.RECONCILE_TOTALS).row("data", extra).build()).field());
    }

    @Test
    @DisplayName("Table: 2301 takes at most 100 rows; 2601 (output 无) accepts null, absent or {} as its answer")
    void rowsAndNoOutput() throws Exception {
        TransactionSpec upload = P.spec(Transaction.FEE_UPLOAD);
        assertEquals(100, upload.inputNode("feedetail").orElseThrow().maxRows());
        TransactionSpec reversal = P.spec(Transaction.REVERSAL);
        assertTrue(reversal.hasNoOutput());
        assertEquals(List.of(), P.tables().output(reversal, null, TableCheck.Strictness.STRICT));
        assertEquals(List.of(), P.tables().output(reversal, CanonicalJson.mapper().readTree("{}"),
                TableCheck.Strictness.STRICT));
        assertTrue(reversal.reversible() == false, "2601 itself is not reversible");
        assertTrue(P.spec(Transaction.SETTLEMENT).reversible());
        assertTrue(!P.spec(Transaction.PERSON_QUERY).reversible(), "a query is never reversed");
        assertEquals(UnknownOutcome.RESEND, P.spec(Transaction.PERSON_QUERY).onUnknown());
    }

    @Test
    @DisplayName("Profile: a broken profile file is PROFILE_INVALID naming the part")
    void brokenProfile() {
        assertEquals("PROFILE_INVALID", assertThrows(ProfileException.class,
                () -> TransactionProfile.read("{\"profile\":\"x\"}".getBytes(), "x.json")).code());
        assertEquals("PROFILE_INVALID", assertThrows(ProfileException.class,
                () -> TransactionProfile.read("not json".getBytes(), "x.json")).code());
    }
}
