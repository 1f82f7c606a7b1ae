package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Electronic social security card QR token")
class ElectronicCardTokenTest {

    @Test
    @DisplayName("a printable token is kept as scanned and hidden by toString")
    void token_printable_isKeptAndHidden() {
        ElectronicCardToken t = new ElectronicCardToken("ESSC:abc123+/=");
        assertEquals("ESSC:abc123+/=", t.value());
        assertFalse(t.toString().contains("abc123"));
    }

    @Test
    @DisplayName("empty, too long, spaces or non-ASCII: INVALID_QR_TOKEN")
    void token_invalid_isRefused() {
        for (String bad : new String[] {"", "a b", "令牌", "x".repeat(1025)}) {
            assertEquals(CardErrorCode.INVALID_QR_TOKEN,
                    assertThrows(CardReadException.class, () -> new ElectronicCardToken(bad)).cardErrorCode());
        }
    }
}
