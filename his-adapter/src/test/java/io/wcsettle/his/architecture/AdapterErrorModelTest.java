package io.wcsettle.his.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.ErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.outbox.OutboxErrorCode;
import io.wcsettle.his.outbox.OutboxException;
import io.wcsettle.his.platform.OutcomeUnknownException;
import io.wcsettle.his.platform.PlatformErrorCode;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.profile.ProfileErrorCode;
import io.wcsettle.his.platform.profile.ProfileException;
import io.wcsettle.his.session.HisSessionException;
import io.wcsettle.his.session.SessionErrorCode;

/** README "Errors", for his-adapter: one root, stable codes, retryable where a retry can help, serialisation-safe. */
class AdapterErrorModelTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    @DisplayName("Every exception of his-adapter keeps its code, field and retryable() across an ObjectOutputStream round trip")
    void serialisable() throws Exception {
        List<WcsettleException> all = List.of(
                new PlatformException(PlatformErrorCode.KEY_WRONG_CURVE, "his-private.pem", "not sm2p256v1"),
                new OutcomeUnknownException("H11010500001202510091003040001", "timeout", null),
                new CardReadException(CardErrorCode.PIN_INCORRECT, "pin", "63C2", 0x63C2),
                new HisSessionException(SessionErrorCode.STEP_REFUSED, "admission:V1", "refused", "参保人不存在"),
                new ProfileException(ProfileErrorCode.REQUEST_VIOLATES_TABLE, "ipt_no", "too long"),
                new OutboxException(OutboxErrorCode.STORAGE_FAILURE, "outbox", "disk full"));
        for (WcsettleException e : all) {
            WcsettleException back = roundTrip(e);
            assertSame(e.errorCode(), back.errorCode(), e.code());
            assertEquals(e.code(), back.code());
            assertEquals(e.field(), back.field());
            assertEquals(e.retryable(), back.retryable());
            assertEquals(e.getMessage(), back.getMessage());
        }
    }

    @Test
    @DisplayName("Codes are their names; retryable() only where trying again unchanged can help (unreachable, unknown outcome, card away)")
    void codesAndRetryable() {
        Set<ErrorCode> retryable = Set.of(PlatformErrorCode.PLATFORM_UNAVAILABLE, PlatformErrorCode.HTTP_STATUS,
                PlatformErrorCode.OUTCOME_UNKNOWN, SessionErrorCode.STEP_NOT_DELIVERED, SessionErrorCode.STEP_UNRESOLVED,
                CardErrorCode.READER_UNAVAILABLE, CardErrorCode.NO_CARD, CardErrorCode.CARD_REMOVED, CardErrorCode.CARD_IO,
                CardErrorCode.PIN_ENTRY_TIMEOUT, OutboxErrorCode.STORAGE_FAILURE, OutboxErrorCode.OUTBOX_IN_USE);
        for (Enum<?>[] codes : List.<Enum<?>[]>of(PlatformErrorCode.values(), SessionErrorCode.values(),
                CardErrorCode.values(), OutboxErrorCode.values(), ProfileErrorCode.values())) {
            for (Enum<?> c : codes) {
                ErrorCode code = (ErrorCode) c;
                assertEquals(c.name(), code.code());
                assertEquals(retryable.contains(code), code.retryable(), c.name());
            }
        }
        assertEquals(false, PlatformErrorCode.INVALID_KEY.retryable(), "bad input never is");
    }
}
