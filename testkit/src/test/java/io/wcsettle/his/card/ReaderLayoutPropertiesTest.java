package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Protection;

/** The reader against generated cards of every layout, generation and protection (PROTOCOL.md, card section). */
class ReaderLayoutPropertiesTest {

    private static final SocialSecurityCardReader WITH_PSAM = SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());

    /** Where each item lives and its field name, as PROTOCOL.md's table has it. */
    private static final String[] FIELDS = {null, "identificationCode", "cardType", "specVersion",
        "initialisingInstitution", "issueDate", "expiryDate", "cardNumber", "socialSecurityNumber", "name", "sex",
        "ethnicity", "birthplace", "birthDate"};

    @Provide
    Arbitrary<CardData> cards() {
        return CardDataArbitraries.cards();
    }

    @Provide
    Arbitrary<CardLayout> layouts() {
        return Arbitraries.of(CardLayout.all());
    }

    @Property(tries = 400)
    @Label("read(card) returns exactly the card's items, whatever the layout, PSAM and PIN need")
    void read_returnsExactlyTheItems(@ForAll("cards") CardData data, @ForAll("layouts") CardLayout layout,
            @ForAll Protection psam, @ForAll boolean pinNeeded) {
        SimulatedSocialSecurityCard.Builder b = data.simulated(layout).externalAuthentication(psam);
        if (pinNeeded) {
            b.pin("731902").pinProtection(Protection.EF06);
        }
        SimulatedSocialSecurityCard card = b.build();
        PinEntry pin = pinNeeded ? PinEntry.typed(Pin.of("731902".toCharArray())) : null;
        assertEquals(data.expected(), WITH_PSAM.read(card, pin));
        // 16 APDUs, plus at most: 3 fallbacks, a GET RESPONSE per command, 3 for the PSAM, 2 for the PIN
        assertTrue(card.apduCount() <= 2 * (16 + 3 + 3 + 2), "APDUs: " + card.apduCount());
    }

    @Property(tries = 300)
    @Label("every status word a record answers ends the read with that status word's own code, naming the item")
    void statusWordAtAnyItem_mapsToItsOwnCode(@ForAll("cards") CardData data,
            @ForAll @IntRange(min = 0x01, max = 0x0D) int tag, @ForAll @IntRange(min = 0, max = 0xFFFF) int sw) {
        StatusWord word = StatusWord.of(sw);
        // success answers without a record, 61xx (GET RESPONSE of nothing) and 6982 (authentication) are
        // not a refusal of the record itself; they have their own tests
        Assume.that(!Set.of(StatusWord.SUCCESS, StatusWord.END_OF_RECORD_REACHED, StatusWord.MORE_DATA_AVAILABLE,
                StatusWord.SECURITY_STATUS_NOT_SATISFIED).contains(word));
        CardReadException e = assertThrows(CardReadException.class,
                () -> WITH_PSAM.read(data.simulated().statusWord(tag, sw).build()));
        assertEquals(word.errorCode().orElseThrow(), e.cardErrorCode(), StatusWord.hex(sw));
        assertEquals(FIELDS[tag], e.field());
        assertEquals(sw, e.statusWord().getAsInt());
    }

    @Property(tries = 100)
    @Label("6982 with nothing left to authenticate with: PSAM_REQUIRED, PIN_REQUIRED or SECURITY_STATUS_NOT_SATISFIED")
    void securityStatus_mapsByWhatWasTried(@ForAll("cards") CardData data,
            @ForAll @IntRange(min = 0x01, max = 0x0D) int tag, @ForAll boolean psam, @ForAll boolean pin) {
        SocialSecurityCardReader reader = psam ? WITH_PSAM : SocialSecurityCardReader.withoutPsam(CLOCK);
        PinEntry entry = pin ? PinEntry.typed(Pin.of("731902".toCharArray())) : null;
        SimulatedSocialSecurityCard.Builder b = data.simulated().statusWord(tag, 0x6982);
        if (pin) {
            b.pin("731902");
        }
        CardReadException e = assertThrows(CardReadException.class, () -> reader.read(b.build(), entry));
        // the PSAM diversifies by the identification code: a card protecting that item itself cannot be
        // authenticated to
        CardErrorCode expected = psam && tag == 0x01 ? CardErrorCode.PSAM_AUTH_FAILED
                : !psam ? CardErrorCode.PSAM_REQUIRED
                : !pin ? CardErrorCode.PIN_REQUIRED : CardErrorCode.SECURITY_STATUS_NOT_SATISFIED;
        assertEquals(expected, e.cardErrorCode());
        assertEquals(FIELDS[tag], e.field());
    }

    @Property(tries = 200)
    @Label("a record cut short anywhere is refused, never read as a shorter item")
    void truncatedRecord_isRefused(@ForAll("cards") CardData data, @ForAll @IntRange(min = 0x01, max = 0x0D) int tag,
            @ForAll @IntRange(min = 0, max = 31) int keep) {
        SimulatedSocialSecurityCard full = data.simulated().build();
        byte[] record = recordOf(full, tag);
        Assume.that(keep < record.length);
        byte[] cut = java.util.Arrays.copyOf(record, keep);
        CardReadException e = assertThrows(CardReadException.class,
                () -> WITH_PSAM.read(data.simulated().rawRecord(tag, cut).build()));
        assertEquals(FIELDS[tag], e.field());
    }

    /** Reads one record from the simulated card by identifier (00 B2 tag 00 00). */
    private static byte[] recordOf(SimulatedSocialSecurityCard card, int tag) {
        card.transceive(new byte[] {0x00, (byte) 0xA4, 0x04, 0x00, 0x0F, 0x73, 0x78, 0x31, 0x2E, 0x73, 0x68, 0x2E,
            (byte) 0xC9, (byte) 0xE7, (byte) 0xBB, (byte) 0xE1, (byte) 0xB1, (byte) 0xA3, (byte) 0xD5, (byte) 0xCF});
        card.transceive(new byte[] {0x00, (byte) 0xA4, 0x02, 0x00, 0x02, (byte) 0xEF, (byte) (tag <= 7 ? 0x05 : 0x06)});
        byte[] r = card.transceive(new byte[] {0x00, (byte) 0xB2, (byte) tag, 0x00, 0x00});
        return java.util.Arrays.copyOf(r, r.length - 2);
    }
}
