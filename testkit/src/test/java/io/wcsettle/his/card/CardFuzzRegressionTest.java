package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.card.CardFixtures.CardData;

/** Regressions of what the card fuzz found (issue 17). */
class CardFuzzRegressionTest {

    private static final CardData DATA = CardData.sample();

    private static String code(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(CardReadException.class, e).code();
    }

    @Test
    @DisplayName("Vendor string: full-width (０) or Arabic-Indic (٠) digits in the ATR bytes or the identification code are VENDOR_STRING_MALFORMED (were accepted as hex)")
    void nonAsciiHexRefused() {
        String atr = DATA.atrHistoricalBytes();
        String shortRead = "330399|||" + DATA.identificationCode() + "||%s|3.00|20211203|20311202|";
        assertEquals(atr, VendorCardString.read(0, String.format(shortRead, atr), CLOCK).atrHistoricalBytes());
        assertEquals("VENDOR_STRING_MALFORMED", code(() -> VendorCardString.read(0,
                String.format(shortRead, atr.replace('0', '\uff10')), CLOCK)));
        assertEquals("VENDOR_STRING_MALFORMED", code(() -> VendorCardString.read(0,
                String.format(shortRead, atr.replaceFirst("5", "\u0665")), CLOCK)));
        String code = DATA.identificationCode();
        String fullWidth = code.substring(0, 10) + "\uff10" + code.substring(11);
        assertEquals("VENDOR_STRING_MALFORMED", code(() -> VendorCardString.read(0,
                "330399|||" + fullWidth + "||" + atr + "|3.00|20211203|20311202|", CLOCK)));
    }

    @Test
    @DisplayName("IdNumber: checkCharacter, birthDate and regionKnown on a raw string are INVALID_ID_* (were IllegalArgumentException, StringIndexOutOfBounds, NullPointerException)")
    void idHelpersTyped() {
        assertEquals("INVALID_ID_CHECK_DIGIT", code(() -> IdNumber.checkCharacter("-1010519700101001x")));
        assertEquals("INVALID_ID_LENGTH", code(() -> IdNumber.checkCharacter("110105111")));
        assertEquals("INVALID_ID_LENGTH", code(() -> IdNumber.checkCharacter(null)));
        assertEquals("INVALID_ID_LENGTH", code(() -> IdNumber.birthDate("1101")));
        assertEquals("INVALID_ID_CHECK_DIGIT", code(() -> IdNumber.birthDate("11010519ab0101001X")));
        assertEquals("INVALID_ID_CHECK_DIGIT", code(() -> IdNumber.birthDate("110105197002300011")));
        assertEquals("INVALID_ID_LENGTH", code(() -> IdNumber.regionKnown("")));
        assertEquals('4', IdNumber.checkCharacter("15010219800101001"), "GB 11643 check of a valid number");
    }

    @Test
    @DisplayName("PIN: a reader asked to verify no PIN is INVALID_PIN (was NullPointerException)")
    void noPin() {
        assertEquals("INVALID_PIN", code(() -> PinEntry.typed(null)));
    }
}
