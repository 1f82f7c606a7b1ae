package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.outbox.OutboxErrorCode;
import io.wcsettle.his.outbox.OutboxException;
import io.wcsettle.his.platform.PlatformErrorCode;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.session.SessionErrorCode;
import io.wcsettle.his.session.StepOutcome;

/** How the SDK's exceptions become typed error bodies and statuses; each status is one the OpenAPI document names. */
class ErrorBodyTest {

    @Test
    @DisplayName("R-UPL-4: refused 422 with err_msg, not delivered 503 retryable, unknown 504 retryable; each carries step and msgid")
    void stepOutcomes() {
        ErrorBody refused = ErrorBody.of(new StepOutcome.Refused<>("admission:V1", "2401", "备案已失效", "M1").toException());
        assertEquals(422, refused.status());
        assertEquals("STEP_REFUSED", refused.code());
        assertEquals("备案已失效", refused.errMsg());
        assertEquals("M1", refused.msgid());
        assertEquals("admission:V1", refused.step());
        assertFalse(refused.retryable());
        ErrorBody undelivered = ErrorBody.of(new StepOutcome.NotDelivered<>("settlement:V1:1", "PLATFORM_UNAVAILABLE", "M2")
                .toException());
        assertEquals(503, undelivered.status());
        assertTrue(undelivered.retryable());
        assertNull(undelivered.errMsg());
        ErrorBody unknown = ErrorBody.of(new StepOutcome.Unknown<>("settlement:V1:1", "M3").toException());
        assertEquals(504, unknown.status());
        assertEquals("STEP_UNRESOLVED", unknown.code());
        assertTrue(unknown.retryable());
        assertEquals("M3", unknown.msgid());
        JsonNode json = unknown.json();
        for (String k : List.of("code", "message", "field", "retryable")) {
            assertTrue(json.has(k), k);
        }
    }

    @Test
    @DisplayName("core, platform, outbox and card codes pass through with their statuses; an unexpected failure says nothing of itself")
    void sdkCodes() {
        ErrorBody core = ErrorBody.of(new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "price", "too many decimals"));
        assertEquals(400, core.status());
        assertEquals("INVALID_AMOUNT", core.code());
        assertEquals("price", core.field());
        assertEquals("too many decimals", core.message(), "the code and field are not repeated in the message");
        assertEquals(503, ErrorBody.of(new PlatformException(PlatformErrorCode.PLATFORM_UNAVAILABLE, null, "down")).status());
        assertEquals(502, ErrorBody.of(new PlatformException(PlatformErrorCode.SIGNATURE_INVALID, "cainfo", "bad")).status());
        assertEquals(504, ErrorBody.of(new PlatformException(PlatformErrorCode.OUTCOME_UNKNOWN, null, "timeout")).status());
        ErrorBody inUse = ErrorBody.of(new OutboxException(OutboxErrorCode.OUTBOX_IN_USE, "outbox", "locked"));
        assertEquals(503, inUse.status());
        assertTrue(inUse.retryable());
        assertEquals(503, ErrorBody.of(new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "no pcscd")).status());
        assertEquals(409, ErrorBody.of(new CardReadException(CardErrorCode.NO_CARD, null, "none")).status());
        assertEquals(422, ErrorBody.of(new CardReadException(CardErrorCode.CARD_EXPIRED, "expiryDate", "old")).status());
        for (SessionErrorCode c : SessionErrorCode.values()) {
            int s = ErrorBody.of(new io.wcsettle.his.session.HisSessionException(c, "x", "m")).status();
            assertTrue(List.of(400, 409, 422, 502, 503, 504).contains(s), c + " → " + s);
        }
        ErrorBody internal = ErrorBody.of(new IllegalStateException("secret detail 150102198001010016"));
        assertEquals(500, internal.status());
        assertEquals("INTERNAL", internal.code());
        assertFalse(internal.message().contains("secret"));
        assertFalse(internal.retryable());
    }
}
