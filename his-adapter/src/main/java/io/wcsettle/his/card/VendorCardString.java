package io.wcsettle.his.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.region.Admdvs;

/**
 * Parses what a reader vendor's {@code iReadCardBas(int iType, char* out)} (LD/T 6001.5-2023)
 * gives: a return value and one string of items, each ending with {@code |}. The published forms
 * (PROTOCOL.md), told apart by item count and content:
 *
 * <ul>
 *   <li>{@link VendorForm#STANDARD}, 11 items: 发卡地区行政区划代码 | 社会保障号码 | 卡号 |
 *       卡识别码 (32 hex) | 姓名 | 卡复位信息 (ATR historical bytes, hex) | 规范版本 | 发卡日期 |
 *       卡有效期 | 终端机编号 | 终端设备号 |</li>
 *   <li>{@link VendorForm#STATUS_PREFIXED}: {@code 1|} + the 11 + 持卡就诊登记许可号 (13 items);
 *       {@code 0|<error text>|} is a failure ({@link CardErrorCode#VENDOR_REPORTED_FAILURE})</li>
 *   <li>{@link VendorForm#EXTENDED}, 15 items: the 11 + PSAM卡芯片号 | 医疗证号 | 加密因子 | 版本号 |</li>
 *   <li>{@link VendorForm#SHORT}, 9 items: the 11 without the two terminal items, 社会保障号码,
 *       卡号 and 姓名 empty (third-generation card read without PSAM authentication)</li>
 * </ul>
 *
 * <p>Any other count, or an item of the wrong form (region ≠ first six characters of the
 * identification code, an identification code not 32 hex, dates not {@code yyyyMMdd}, …), is
 * refused with {@link CardErrorCode#VENDOR_STRING_MALFORMED} naming the item; content is then
 * validated like the chip's (ID check character, admdvs, expiry). Nothing is guessed.
 *
 * <p>Return values: {@code 0} success; {@code -1} … {@code -25} reader and card faults (the
 * published ones have their own codes, the rest {@code VENDOR_READER_FAULT}); {@code -2201} …
 * {@code -2204} PSAM / encryption machine; below {@code -25000} a negated status word
 * ({@code -27010} = {@code 6982}, {@code -27272} = {@code 6A88}, {@code -(25536 + x)} =
 * {@code 63Cx}) with the status word's own code; anything else {@code VENDOR_ERROR}. Failures
 * are {@link VendorCardException}s keeping the vendor's text.
 */
public final class VendorCardString {

    private static final int STANDARD_ITEMS = 11;
    private static final List<String> PERSONAL = List.of("socialSecurityNumber", "cardNumber", "name");

    private VendorCardString() {
    }

    /**
     * The complete card in {@code output}.
     *
     * @param returnValue what {@code iReadCardBas} returned
     * @param output      its output buffer
     * @param clock       for the expiry check
     * @throws CardReadException {@code VENDOR_FIELDS_MISSING} naming the first missing item when the
     *         read is not complete, any code of {@link #read(int, String, Clock)} otherwise
     */
    public static SocialSecurityCard parse(int returnValue, String output, Clock clock) {
        VendorCardRead read = read(returnValue, output, clock);
        List<String> personalMissing = read.missing().stream().filter(PERSONAL::contains).toList();
        if (!personalMissing.isEmpty()) {
            throw new CardReadException(CardErrorCode.VENDOR_FIELDS_MISSING, personalMissing.get(0),
                    personalMissing + " empty in a " + read.form() + " read (card read without PSAM authentication?)");
        }
        return read.card().orElseThrow();
    }

    /**
     * Parses {@code output} by its form; a short read (or any read with personal items empty) is
     * accepted and says what is missing.
     *
     * @param returnValue what {@code iReadCardBas} returned
     * @param output      its output buffer
     * @param clock       for the expiry check
     * @throws VendorCardException for a non-zero return value or a {@code 0|<error>|} output
     * @throws CardReadException   {@code VENDOR_STRING_MALFORMED} naming the item, or a validation
     *                             code of {@link SocialSecurityCard}
     */
    public static VendorCardRead read(int returnValue, String output, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (returnValue != 0) {
            throw vendorError(returnValue, output);
        }
        if (output == null || output.isEmpty() || output.charAt(output.length() - 1) != '|') {
            throw malformed("output", "does not end with '|'");
        }
        String[] items = output.substring(0, output.length() - 1).split("\\|", -1);
        if (items.length == 2 && items[0].equals("0")) {
            throw new VendorCardException(CardErrorCode.VENDOR_REPORTED_FAILURE, 0, items[1],
                    "status-prefixed result 0: the reader component reported a failure", -1);
        }
        return switch (items.length) {
            case 9 -> parse(VendorForm.SHORT, items, 0, clock);
            case STANDARD_ITEMS -> parse(VendorForm.STANDARD, items, 0, clock);
            case 13 -> {
                if (!items[0].equals("1")) {
                    throw malformed("status", "13 items but the first is not the status 1");
                }
                yield parse(VendorForm.STATUS_PREFIXED, items, 1, clock);
            }
            case 15 -> parse(VendorForm.EXTENDED, items, 0, clock);
            default -> throw malformed("output", items.length
                    + " items fit no published form (9, 11, 1 + 12, 15 items, or 0|error|)");
        };
    }

    private static VendorCardRead parse(VendorForm form, String[] items, int o, Clock clock) {
        String region = items[o];
        String ssnText = items[o + 1];
        String cardNumberText = items[o + 2];
        String codeText = items[o + 3];
        String nameText = items[o + 4];
        String atr = items[o + 5];
        String version = items[o + 6];
        String issue = items[o + 7];
        String expiry = items[o + 8];

        if (codeText.length() != 32 || !CardText.isHex(codeText)) {
            throw malformed("identificationCode", "not 32 hex characters");
        }
        if (region.length() != 6 || !region.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed("issuingAdmdvs", "not six digits");
        }
        if (!codeText.startsWith(region)) {
            throw malformed("issuingAdmdvs", "differs from the first six characters of the identification code");
        }
        if (atr.isEmpty() || atr.length() % 2 != 0 || !CardText.isHex(atr)) {
            throw malformed("atrHistoricalBytes", "not hex bytes");
        }
        if (!SocialSecurityCard.Builder.isSpecVersion(version)) {
            throw malformed("specVersion", "not d.dd");
        }
        if (!CardText.isDate(issue)) {
            throw malformed("issueDate", "not yyyyMMdd");
        }
        if (!CardText.isDate(expiry)) {
            throw malformed("expiryDate", "not yyyyMMdd");
        }
        String terminal = null;
        String device = null;
        String permit = null;
        List<String> extended = List.of();
        if (form != VendorForm.SHORT) {
            terminal = emptyToNull(items[o + 9]);
            device = emptyToNull(items[o + 10]);
        }
        if (form == VendorForm.STATUS_PREFIXED) {
            permit = emptyToNull(items[o + 11]);
        }
        if (form == VendorForm.EXTENDED) {
            extended = List.of(items[11], items[12], items[13], items[14]);
        }

        String code = SocialSecurityCard.Builder.checkIdentificationCode(codeText);
        Admdvs issuing = SocialSecurityCard.Builder.issuingAdmdvs(code);
        String upperAtr = atr.toUpperCase(java.util.Locale.ROOT);
        SocialSecurityCard.Builder.requireAtrHistoricalBytes(upperAtr);
        LocalDate issueDate = CardText.parseDate(issue, "issueDate");
        LocalDate expiryDate = CardText.parseDate(expiry, "expiryDate");

        List<String> missing = new ArrayList<>();
        String ssn = null;
        if (ssnText.isEmpty()) {
            missing.add("socialSecurityNumber");
        } else {
            ssn = IdNumber.normalize(ssnText, "socialSecurityNumber");
        }
        String cardNumber = null;
        if (cardNumberText.isEmpty()) {
            missing.add("cardNumber");
        } else {
            SocialSecurityCard.Builder.requireCardNumber(cardNumberText);
            cardNumber = cardNumberText;
        }
        String name = null;
        if (nameText.isEmpty()) {
            missing.add("name");
        } else {
            SocialSecurityCard.Builder.requireName(nameText);
            name = nameText;
        }
        if (terminal == null) {
            missing.add("terminalNumber");
        }
        if (device == null) {
            missing.add("terminalDeviceNumber");
        }

        SocialSecurityCard.Builder b = SocialSecurityCard.builder().identificationCode(code).specVersion(version)
                .issueDate(issueDate).expiryDate(expiryDate).atrHistoricalBytes(upperAtr);
        SocialSecurityCard card = null;
        if (ssn != null && cardNumber != null && name != null) {
            card = b.socialSecurityNumber(ssn).cardNumber(cardNumber).name(name).build(clock);
        } else {
            checkDates(issueDate, expiryDate, clock);
        }
        return new VendorCardRead(form, code, issuing, upperAtr, version, issueDate, expiryDate, ssn, cardNumber,
                name, terminal, device, permit, extended, missing, card);
    }

    /** The date checks {@link SocialSecurityCard.Builder#build(Clock)} makes, for a read without a card. */
    private static void checkDates(LocalDate issueDate, LocalDate expiryDate, Clock clock) {
        if (expiryDate.isBefore(issueDate)) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "expiryDate", "before the issue date");
        }
        if (LocalDate.now(clock).isAfter(expiryDate)) {
            throw new CardReadException(CardErrorCode.CARD_EXPIRED, "expiryDate", "card expired on " + expiryDate);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static CardReadException malformed(String item, String why) {
        return new CardReadException(CardErrorCode.VENDOR_STRING_MALFORMED, item, why);
    }

    /** The typed error of a non-zero return value (see the class doc). */
    static VendorCardException vendorError(int value, String vendorText) {
        CardErrorCode code;
        String meaning;
        int sw = -1;
        if (value < -25000 && -value <= 0xFFFF) {
            sw = -value;
            StatusWord word = StatusWord.of(sw);
            code = word.errorCode().orElse(CardErrorCode.VENDOR_ERROR);
            meaning = "status word " + StatusWord.hex(sw) + ": " + word.meaning();
        } else if (value <= -2201 && value >= -2204) {
            code = CardErrorCode.VENDOR_PSAM_ERROR;
            meaning = "PSAM or encryption machine fault";
        } else if (value <= -1 && value >= -25) {
            code = switch (value) {
                case -1 -> CardErrorCode.VENDOR_WRONG_CARD_TYPE;
                case -2 -> CardErrorCode.VENDOR_NO_CARD;
                case -3 -> CardErrorCode.VENDOR_CARD_NOT_POWERED;
                case -4 -> CardErrorCode.VENDOR_CARD_NO_ANSWER;
                case -5 -> CardErrorCode.VENDOR_LIBRARY_LOAD_FAILED;
                case -11, -12 -> CardErrorCode.VENDOR_READER_ERROR;
                case -13 -> CardErrorCode.VENDOR_UNSUPPORTED_OPERATION;
                case -14 -> CardErrorCode.VENDOR_BAD_PARAMETERS;
                case -15 -> CardErrorCode.VENDOR_CHECKSUM_ERROR;
                case -20 -> CardErrorCode.VENDOR_IDENTIFICATION_CODE_FORMAT;
                case -24 -> CardErrorCode.VENDOR_PSAM_KEY_LEVEL;
                default -> CardErrorCode.VENDOR_READER_FAULT;
            };
            meaning = switch (value) {
                case -1 -> "wrong card type";
                case -2 -> "no card";
                case -3 -> "card not powered";
                case -4 -> "card does not answer";
                case -5 -> "library load failed";
                case -11 -> "reader connection failed";
                case -12 -> "reader not connected";
                case -13 -> "not supported";
                case -14 -> "bad parameters";
                case -15 -> "checksum error";
                case -20 -> "identification code format";
                case -24 -> "PSAM key level";
                default -> "reader or card fault";
            };
        } else {
            code = CardErrorCode.VENDOR_ERROR;
            meaning = "not a published return value";
        }
        return new VendorCardException(code, value, vendorText, "iReadCardBas returned " + value + ": " + meaning, sw);
    }
}
