package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StatusWordTest {

    /** PROTOCOL.md, card section: the status words "with their own meaning", and the 6901. */
    private static final Map<Integer, StatusWord> PUBLISHED = Map.ofEntries(
            Map.entry(0x63C3, StatusWord.VERIFICATION_FAILED),
            Map.entry(0x6983, StatusWord.CARD_LOCKED),
            Map.entry(0x9303, StatusWord.APPLICATION_LOCKED),
            Map.entry(0x6982, StatusWord.SECURITY_STATUS_NOT_SATISFIED),
            Map.entry(0x6A82, StatusWord.FILE_NOT_FOUND),
            Map.entry(0x6A83, StatusWord.RECORD_NOT_FOUND),
            Map.entry(0x6A88, StatusWord.REFERENCED_DATA_NOT_FOUND),
            Map.entry(0x6283, StatusWord.APPLICATION_BLOCKED),
            Map.entry(0x6110, StatusWord.MORE_DATA_AVAILABLE),
            Map.entry(0x6C20, StatusWord.WRONG_LE),
            Map.entry(0x6901, StatusWord.COMMAND_NOT_ACCEPTED));

    @Property
    @Label("every status word maps to one constant, the same every time, whose pattern it matches")
    void everyStatusWord_mapsToOneStableConstant(@ForAll @IntRange(min = 0, max = 0xFFFF) int sw) {
        StatusWord w = StatusWord.of(sw);
        assertSame(w, StatusWord.of(sw));
        assertSame(w, StatusWord.of(new byte[] {0x01, (byte) (sw >>> 8), (byte) sw}));
        if (w != StatusWord.UNKNOWN) {
            assertEquals(w.value(), w.isFamily() ? w.with(sw - w.value()) - (sw - w.value()) : sw);
            assertArrayEquals(new byte[] {(byte) (sw >>> 8), (byte) sw}, w.isFamily() ? w.bytes(sw - w.value()) : w.bytes());
        } else {
            assertEquals(CardErrorCode.UNEXPECTED_STATUS_WORD, w.errorCode().orElseThrow());
        }
    }

    @Example
    @Label("every status word of PROTOCOL.md has its own constant and its own error code, none 'unexpected'")
    void publishedStatusWords_haveTheirOwnCodes() {
        Set<CardErrorCode> codes = new HashSet<>();
        for (Map.Entry<Integer, StatusWord> e : PUBLISHED.entrySet()) {
            StatusWord w = StatusWord.of(e.getKey());
            assertSame(e.getValue(), w, StatusWord.hex(e.getKey()));
            CardErrorCode code = w.errorCode().orElseThrow();
            assertNotEquals(CardErrorCode.UNEXPECTED_STATUS_WORD, code);
            assertTrue(codes.add(code), "shared code " + code);
        }
        assertTrue(StatusWord.of(0x9000).errorCode().isEmpty());
    }

    @Property
    @Label("63Cx: x is the tries left, 0 to 15")
    void verificationFailed_carriesTriesLeft(@ForAll @IntRange(min = 0, max = 15) int x) {
        int sw = StatusWord.VERIFICATION_FAILED.with(x);
        assertEquals(0x63C0 + x, sw);
        assertEquals(x, StatusWord.triesLeft(sw));
        assertEquals(x, new CardReadException(CardErrorCode.PIN_INCORRECT, "pin", "wrong", sw).triesLeft().getAsInt());
    }

    @Example
    @Label("a family's number must fit its low bits; a single value has no number")
    void with_refusesNumbersThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> StatusWord.VERIFICATION_FAILED.with(16));
        assertThrows(IllegalArgumentException.class, () -> StatusWord.MORE_DATA_AVAILABLE.with(256));
        assertThrows(IllegalArgumentException.class, () -> StatusWord.SUCCESS.with(1));
        assertThrows(IllegalArgumentException.class, StatusWord.WRONG_LE::bytes);
        assertEquals(-1, StatusWord.triesLeft(0x6983));
    }
}
