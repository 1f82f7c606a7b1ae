package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The PC/SC part 10 PIN pad path without a PIN pad reader: feature discovery and the
 * PIN_VERIFY_STRUCTURE are checked byte by byte against the specification; the control call is a
 * recording double. (Over pcscd the e2e test shows vpcd offers no features.)
 */
@DisplayName("PIN pad (PC/SC v2 part 10 FEATURE_VERIFY_PIN_DIRECT)")
class PcscPinPadTest {

    @Test
    @DisplayName("CM_IOCTL_GET_FEATURE_REQUEST is SCARD_CTL_CODE(3400) of pcsc-lite and of Windows")
    void getFeatureRequest_controlCodes() {
        assertEquals(0x42000D48, PcscPinPad.getFeatureRequestCode(false));
        assertEquals(0x00313520, PcscPinPad.getFeatureRequestCode(true));
    }

    @Test
    @DisplayName("the feature list is TLV tag 04 code(4, big endian); tag 06 is VERIFY_PIN_DIRECT")
    void featureList_findsVerifyPinDirect() {
        byte[] features = {0x07, 0x04, 0x42, 0x33, 0x00, 0x07, 0x06, 0x04, 0x42, 0x33, 0x00, 0x06, 0x12, 0x04, 0x42, 0x33,
            0x00, 0x12};
        assertEquals(Optional.of(0x42330006), PcscPinPad.verifyPinDirect(features));
        assertEquals(Optional.empty(), PcscPinPad.verifyPinDirect(new byte[] {0x07, 0x04, 0x42, 0x33, 0x00, 0x07}));
        assertEquals(Optional.empty(), PcscPinPad.verifyPinDirect(new byte[0]));
        assertEquals(Optional.empty(), PcscPinPad.verifyPinDirect(new byte[] {0x06, 0x04, 0x42}));
    }

    @Test
    @DisplayName("PIN_VERIFY_STRUCTURE: BCD, 3-byte block at data offset 0, 6 digits, validation key, VERIFY inside")
    void verifyStructure_layout() {
        byte[] apdu = Apdus.verifyTemplate();
        byte[] expected = {
            0x1E, 0x1E,             // bTimerOut, bTimerOut2
            (byte) 0x81,            // bmFormatString
            0x03,                   // bmPINBlockString
            0x00,                   // bmPINLengthFormat
            0x06, 0x06,             // wPINMaxExtraDigit (max, min)
            0x02,                   // bEntryValidationCondition
            0x01,                   // bNumberMessage
            0x09, 0x04,             // wLangId 0x0409
            0x00,                   // bMsgIndex
            0x00, 0x00, 0x00,       // bTeoPrologue
            0x08, 0x00, 0x00, 0x00, // ulDataLength
            0x00, 0x20, 0x00, 0x00, 0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertArrayEquals(expected, PcscPinPad.verifyStructure(apdu));
    }

    @Test
    @DisplayName("verifyPin sends the structure to the VERIFY_PIN_DIRECT code and returns the card's answer")
    void verifyPin_usesTheDiscoveredCode() {
        List<Integer> codes = new ArrayList<>();
        PcscPinPad pad = new PcscPinPad((code, command) -> {
            codes.add(code);
            assertEquals(19 + 8, command.length);
            return new byte[] {0x63, (byte) 0xC4};
        }, 0x42330006);
        assertArrayEquals(new byte[] {0x63, (byte) 0xC4}, pad.verifyPin(Apdus.verifyTemplate()));
        assertEquals(List.of(0x42330006), codes);
    }

    @Test
    @DisplayName("a PIN never shows in toString, and only six digits make a PIN")
    void pin_isHiddenAndChecked() {
        Pin pin = Pin.of("123456".toCharArray());
        assertEquals("Pin[******]", pin.toString());
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56}, pin.bcd());
        pin.clear();
        assertEquals(CardErrorCode.INVALID_PIN,
                org.junit.jupiter.api.Assertions.assertThrows(CardReadException.class, pin::bcd).cardErrorCode());
        for (String bad : new String[] {"12345", "1234567", "12a456", ""}) {
            CardReadException e = org.junit.jupiter.api.Assertions.assertThrows(CardReadException.class,
                    () -> Pin.of(bad.toCharArray()));
            assertEquals(CardErrorCode.INVALID_PIN, e.cardErrorCode());
            assertTrue(bad.isEmpty() || !e.getMessage().contains(bad));
        }
    }
}
