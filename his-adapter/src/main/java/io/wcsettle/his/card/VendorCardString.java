package io.wcsettle.his.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses what a reader vendor's {@code iReadCardBas} returns: a return value and one pipe-separated
 * string {@code region|SSN|card no|card identification code|name|ATR|version|issue date|expiry|
 * terminal no|device no|} (every field ends with {@code |}). Known variants: a leading status field
 * {@code 0}, and 15 fields (4 trailing vendor fields, ignored). A layout is accepted only when its
 * content fits: the region equals the first six characters of the identification code and both
 * dates are {@code yyyyMMdd}. Exactly one layout must fit; anything else is refused, never guessed.
 *
 * <p>A non-zero return value is mapped to a typed error; its text is not kept.
 */
public final class VendorCardString {

    private static final int FIELDS = 11;

    private VendorCardString() {
    }

    /**
     * The card in {@code output}, validated like a card read from the chip.
     *
     * @param returnValue what {@code iReadCardBas} returned
     * @param output      its output buffer
     * @param clock       for the expiry check
     * @throws CardReadException {@code VENDOR_NO_CARD}, {@code VENDOR_READER_ERROR},
     *         {@code VENDOR_PSAM_ERROR}, {@code VENDOR_ERROR}, {@code VENDOR_STRING_MALFORMED},
     *         {@code VENDOR_FIELDS_MISSING}, or any validation code of {@link SocialSecurityCard}
     */
    public static SocialSecurityCard parse(int returnValue, String output, Clock clock) {
        if (returnValue != 0) {
            throw vendorError(returnValue);
        }
        if (output == null || output.isEmpty() || output.charAt(output.length() - 1) != '|') {
            throw new CardReadException(CardErrorCode.VENDOR_STRING_MALFORMED, "output", "does not end with '|'");
        }
        String[] fields = output.substring(0, output.length() - 1).split("\\|", -1);
        List<Integer> fitting = new ArrayList<>();
        if (fields.length == FIELDS && fits(fields, 0)) {
            fitting.add(0);
        }
        if (fields.length == FIELDS + 1 && fields[0].equals("0") && fits(fields, 1)) {
            fitting.add(1);
        }
        if (fields.length == 15 && fits(fields, 0)) {
            fitting.add(0);
        }
        if (fitting.size() != 1) {
            throw new CardReadException(CardErrorCode.VENDOR_STRING_MALFORMED, "output",
                    fields.length + " fields fit no known layout");
        }
        int o = fitting.get(0);
        String ssn = fields[o + 1];
        String cardNumber = fields[o + 2];
        String name = fields[o + 4];
        if (ssn.isEmpty() || cardNumber.isEmpty() || name.isEmpty()) {
            throw new CardReadException(CardErrorCode.VENDOR_FIELDS_MISSING, "output",
                    "SSN, card number or name empty (card read without PSAM authentication?)");
        }
        return SocialSecurityCard.builder()
                .identificationCode(fields[o + 3])
                .socialSecurityNumber(ssn)
                .cardNumber(cardNumber)
                .name(name)
                .specVersion(fields[o + 6])
                .issueDate(CardText.parseDate(fields[o + 7], "issueDate"))
                .expiryDate(CardText.parseDate(fields[o + 8], "expiryDate"))
                .build(clock);
    }

    private static boolean fits(String[] f, int o) {
        String region = f[o];
        String identificationCode = f[o + 3];
        return region.length() == 6 && identificationCode.length() >= 6 && identificationCode.startsWith(region)
                && isDate(f[o + 7]) && isDate(f[o + 8]);
    }

    private static boolean isDate(String s) {
        return s.length() == 8 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static CardReadException vendorError(int value) {
        CardErrorCode code;
        if (value == -2) {
            code = CardErrorCode.VENDOR_NO_CARD;
        } else if (value == -11 || value == -12) {
            code = CardErrorCode.VENDOR_READER_ERROR;
        } else if (value <= -2201 && value >= -2204) {
            code = CardErrorCode.VENDOR_PSAM_ERROR;
        } else {
            code = CardErrorCode.VENDOR_ERROR;
        }
        return new CardReadException(code, "returnValue", "iReadCardBas returned " + value);
    }
}
