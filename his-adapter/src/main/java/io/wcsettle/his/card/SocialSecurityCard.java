package io.wcsettle.his.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import io.wcsettle.core.region.Admdvs;

/**
 * What a social security card holds, validated whole (PROTOCOL.md, card table). Always present:
 * the identification code (卡识别码, 32 hex characters; its first six digits are the issuing admdvs,
 * the next ten {@code D156000005}), the specification version, the issue and expiry dates, the card
 * number, the social security number (GB 11643, a 15-digit one converted to 18) and the name.
 * Present when the source holds them: a chip read has every EF05/EF06 item (card type,
 * initialising institution, sex, ethnicity, birthplace, birth date) and, over PC/SC, the ATR's
 * historical bytes; a reader vendor string has the historical bytes but none of the EF06 extras.
 * A card past its expiry date (by the injected clock) is refused. Immutable; there is no
 * half-filled instance.
 *
 * <p>{@link #toString()} shows no personal data: only the issuing admdvs, the version and the
 * expiry date.
 */
public final class SocialSecurityCard {

    /** Bytes 4–8 of every identification code (PROTOCOL.md): {@code D156000005}. */
    static final String IDENTIFICATION_CODE_RID = "D156000005";

    private final String identificationCode;
    private final Admdvs issuingAdmdvs;
    private final String cardType;
    private final String specVersion;
    private final String initialisingInstitution;
    private final LocalDate issueDate;
    private final LocalDate expiryDate;
    private final String cardNumber;
    private final String socialSecurityNumber;
    private final String name;
    private final Sex sex;
    private final Integer ethnicity;
    private final Admdvs birthplace;
    private final LocalDate birthDate;
    private final String atrHistoricalBytes;

    private SocialSecurityCard(Builder b, String identificationCode, Admdvs issuingAdmdvs, String ssn) {
        this.identificationCode = identificationCode;
        this.issuingAdmdvs = issuingAdmdvs;
        this.cardType = b.cardType;
        this.specVersion = b.specVersion;
        this.initialisingInstitution = b.initialisingInstitution == null ? null
                : b.initialisingInstitution.toUpperCase(java.util.Locale.ROOT);
        this.issueDate = b.issueDate;
        this.expiryDate = b.expiryDate;
        this.cardNumber = b.cardNumber;
        this.socialSecurityNumber = ssn;
        this.name = b.name;
        this.sex = b.sex;
        this.ethnicity = b.ethnicity;
        this.birthplace = b.birthplace;
        this.birthDate = b.birthDate;
        this.atrHistoricalBytes = b.atrHistoricalBytes == null ? null
                : b.atrHistoricalBytes.toUpperCase(java.util.Locale.ROOT);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** 卡识别码 (EF05 {@code 01}): 16 bytes shown as 32 upper-case hex characters. */
    public String identificationCode() {
        return identificationCode;
    }

    /**
     * The issuing admdvs: the first six (BCD) digits of the identification code, often a 本级 code
     * ending in {@code 99} (e.g. {@code 330399}).
     */
    public Admdvs issuingAdmdvs() {
        return issuingAdmdvs;
    }

    /** 卡类别 (EF05 {@code 02}), one ASCII character; absent in a reader vendor string. */
    public Optional<String> cardType() {
        return Optional.ofNullable(cardType);
    }

    /** 规范版本 (EF05 {@code 03}), e.g. {@code 3.00}. */
    public String specVersion() {
        return specVersion;
    }

    /** 初始化机构编号 (EF05 {@code 04}), 12 bytes as 24 hex characters; absent in a vendor string. */
    public Optional<String> initialisingInstitution() {
        return Optional.ofNullable(initialisingInstitution);
    }

    /** 发卡日期 (EF05 {@code 05}). */
    public LocalDate issueDate() {
        return issueDate;
    }

    /** 卡有效期 (EF05 {@code 06}): the last day the card is valid. */
    public LocalDate expiryDate() {
        return expiryDate;
    }

    /** 卡号 (EF05 {@code 07}), 9 characters. Personal data: never log it. */
    public String cardNumber() {
        return cardNumber;
    }

    /**
     * 社会保障号码 (EF06 {@code 08}), an 18-character GB 11643 number (a 15-digit one is converted).
     * Personal data: never log it.
     */
    public String socialSecurityNumber() {
        return socialSecurityNumber;
    }

    /** 姓名 (EF06 {@code 09}). Personal data: never log it. */
    public String name() {
        return name;
    }

    /** 性别 (EF06 {@code 0A}); absent in a vendor string. Personal data. */
    public Optional<Sex> sex() {
        return Optional.ofNullable(sex);
    }

    /** 民族 (EF06 {@code 0B}), the GB 3304 code (1–56, 97, 98); absent in a vendor string. Personal data. */
    public OptionalInt ethnicity() {
        return ethnicity == null ? OptionalInt.empty() : OptionalInt.of(ethnicity);
    }

    /**
     * 出生地 (EF06 {@code 0C}): the admdvs the card records, a province or city code when the card
     * gives only two or four digits ({@code FF} padding); absent when the card leaves it all
     * padding, and in a vendor string. Personal data.
     */
    public Optional<Admdvs> birthplace() {
        return Optional.ofNullable(birthplace);
    }

    /**
     * 出生日期: the card's EF06 {@code 0D} item when it was read from the chip, otherwise the date
     * encoded in the social security number. Personal data.
     */
    public LocalDate birthDate() {
        return birthDate != null ? birthDate : IdNumber.birthDate(socialSecurityNumber);
    }

    /** 卡复位信息: the ATR's historical bytes as upper-case hex, when the source gave them. */
    public Optional<String> atrHistoricalBytes() {
        return Optional.ofNullable(atrHistoricalBytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocialSecurityCard c
                && identificationCode.equals(c.identificationCode)
                && Objects.equals(cardType, c.cardType)
                && specVersion.equals(c.specVersion)
                && Objects.equals(initialisingInstitution, c.initialisingInstitution)
                && issueDate.equals(c.issueDate)
                && expiryDate.equals(c.expiryDate)
                && cardNumber.equals(c.cardNumber)
                && socialSecurityNumber.equals(c.socialSecurityNumber)
                && name.equals(c.name)
                && sex == c.sex
                && Objects.equals(ethnicity, c.ethnicity)
                && Objects.equals(birthplace, c.birthplace)
                && Objects.equals(birthDate, c.birthDate)
                && Objects.equals(atrHistoricalBytes, c.atrHistoricalBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identificationCode, cardNumber, socialSecurityNumber, name, specVersion, issueDate,
                expiryDate);
    }

    @Override
    public String toString() {
        return "SocialSecurityCard[issuingAdmdvs=" + issuingAdmdvs + ", specVersion=" + specVersion
                + ", expiryDate=" + expiryDate + "]";
    }

    /** Collects the items; {@link #build(Clock)} validates them all. */
    public static final class Builder {

        private String identificationCode;
        private String cardType;
        private String specVersion;
        private String initialisingInstitution;
        private LocalDate issueDate;
        private LocalDate expiryDate;
        private String cardNumber;
        private String socialSecurityNumber;
        private String name;
        private Sex sex;
        private Integer ethnicity;
        private Admdvs birthplace;
        private LocalDate birthDate;
        private String atrHistoricalBytes;

        private Builder() {
        }

        /** 卡识别码: 32 hex characters, the first six a valid admdvs, the next ten {@code D156000005}. */
        public Builder identificationCode(String value) {
            this.identificationCode = value;
            return this;
        }

        /** 卡类别: one printable ASCII letter or digit (optional). */
        public Builder cardType(String value) {
            this.cardType = value;
            return this;
        }

        /** 规范版本: {@code d.dd}, e.g. {@code 3.00}. */
        public Builder specVersion(String value) {
            this.specVersion = value;
            return this;
        }

        /** 初始化机构编号: 24 hex characters (optional). */
        public Builder initialisingInstitution(String value) {
            this.initialisingInstitution = value;
            return this;
        }

        /** 发卡日期. */
        public Builder issueDate(LocalDate value) {
            this.issueDate = value;
            return this;
        }

        /** 卡有效期: the last valid day. */
        public Builder expiryDate(LocalDate value) {
            this.expiryDate = value;
            return this;
        }

        /** 卡号: 9 digits or upper-case letters. */
        public Builder cardNumber(String value) {
            this.cardNumber = value;
            return this;
        }

        /** 社会保障号码: a GB 11643 number of 18 (or, converted, 15) characters. */
        public Builder socialSecurityNumber(String value) {
            this.socialSecurityNumber = value;
            return this;
        }

        /** 姓名: 1–30 characters without control characters. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** 性别 (optional). */
        public Builder sex(Sex value) {
            this.sex = value;
            return this;
        }

        /** 民族: a GB 3304 code, 1–56, 97 or 98 (optional). */
        public Builder ethnicity(int value) {
            this.ethnicity = value;
            return this;
        }

        /** 出生地 (optional). */
        public Builder birthplace(Admdvs value) {
            this.birthplace = value;
            return this;
        }

        /** 出生日期 as the chip records it (optional). */
        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        /** 卡复位信息: the ATR's historical bytes, 2–30 hex characters (optional). */
        public Builder atrHistoricalBytes(String value) {
            this.atrHistoricalBytes = value;
            return this;
        }

        /**
         * Validates every item and builds the card.
         *
         * @param clock today's date comes from it (expiry check)
         * @throws CardReadException {@code INVALID_CARD_FIELD}, {@code INVALID_ISSUING_ADMDVS},
         *         {@code INVALID_ID_LENGTH}, {@code INVALID_ID_CHECK_DIGIT}, {@code INVALID_ID_REGION},
         *         {@code CARD_EXPIRED}, each naming the item
         */
        public SocialSecurityCard build(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            String code = checkIdentificationCode(identificationCode);
            Admdvs issuing = issuingAdmdvs(code);
            if (cardType != null && !(cardType.length() == 1 && Character.isLetterOrDigit(cardType.charAt(0))
                    && cardType.charAt(0) < 0x7F)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "cardType", "not one ASCII letter or digit");
            }
            requireSpecVersion(specVersion);
            if (initialisingInstitution != null
                    && (initialisingInstitution.length() != 24 || !CardText.isHex(initialisingInstitution))) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "initialisingInstitution",
                        "not 24 hex characters");
            }
            if (issueDate == null) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "issueDate", "missing");
            }
            if (expiryDate == null) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "expiryDate", "missing");
            }
            if (expiryDate.isBefore(issueDate)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "expiryDate", "before the issue date");
            }
            requireCardNumber(cardNumber);
            String ssn = IdNumber.normalize(socialSecurityNumber, "socialSecurityNumber");
            requireName(name);
            if (ethnicity != null && !(ethnicity >= 1 && ethnicity <= 56 || ethnicity == 97 || ethnicity == 98)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "ethnicity", "not a GB 3304 code");
            }
            if (atrHistoricalBytes != null) {
                requireAtrHistoricalBytes(atrHistoricalBytes);
            }
            if (LocalDate.now(clock).isAfter(expiryDate)) {
                throw new CardReadException(CardErrorCode.CARD_EXPIRED, "expiryDate", "card expired on " + expiryDate);
            }
            return new SocialSecurityCard(this, code, issuing, ssn);
        }

        /**
         * The identification code upper-cased, checked for form.
         *
         * @throws CardReadException {@code INVALID_CARD_FIELD}
         */
        static String checkIdentificationCode(String value) {
            if (value == null || value.length() != 32 || !CardText.isHex(value)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "identificationCode",
                        "not 32 hex characters");
            }
            String code = value.toUpperCase(java.util.Locale.ROOT);
            if (!code.startsWith(IDENTIFICATION_CODE_RID, 6)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "identificationCode",
                        "characters 7-16 are not " + IDENTIFICATION_CODE_RID);
            }
            return code;
        }

        /**
         * The first six digits of a checked identification code as an admdvs.
         *
         * @throws CardReadException {@code INVALID_ISSUING_ADMDVS}
         */
        static Admdvs issuingAdmdvs(String code) {
            String admdvs = code.substring(0, 6);
            if (!Admdvs.isValid(admdvs)) {
                throw new CardReadException(CardErrorCode.INVALID_ISSUING_ADMDVS, "identificationCode",
                        "first six characters are not a valid admdvs");
            }
            return new Admdvs(admdvs);
        }

        static void requireSpecVersion(String value) {
            if (!isSpecVersion(value)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "specVersion", "not d.dd");
            }
        }

        /** {@code d.dd}. */
        static boolean isSpecVersion(String v) {
            return v != null && v.length() == 4 && isDigit(v.charAt(0)) && v.charAt(1) == '.' && isDigit(v.charAt(2))
                    && isDigit(v.charAt(3));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean hasControl(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        static void requireName(String value) {
            if (value == null || value.isBlank() || value.length() > 30 || hasControl(value)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "name", "empty, too long or control characters");
            }
        }

        static void requireAtrHistoricalBytes(String value) {
            if (value.length() < 2 || value.length() > 30 || value.length() % 2 != 0 || !CardText.isHex(value)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "atrHistoricalBytes",
                        "not 1-15 bytes of hex");
            }
        }

        static void requireCardNumber(String value) {
            if (value == null || value.length() != 9) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "cardNumber", "not 9 characters");
            }
            for (int i = 0; i < 9; i++) {
                char c = value.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                    throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "cardNumber",
                            "only digits and upper-case letters allowed");
                }
            }
        }
    }
}
