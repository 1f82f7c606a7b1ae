package io.wcsettle.his.card;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.region.Admdvs;

/**
 * What a social security card holds, validated whole: the identification code (its first six
 * characters are the issuing admdvs, which must be valid), the card number, the social security
 * number (a GB 11643 ID number with a correct check character), the name, the issue and expiry
 * dates. A card past its expiry date (by the injected clock) is refused. Immutable; there is no
 * half-filled instance.
 *
 * <p>{@link #toString()} shows no personal data: only the issuing admdvs and the expiry date.
 */
public final class SocialSecurityCard {

    private final String identificationCode;
    private final Admdvs issuingAdmdvs;
    private final String cardNumber;
    private final String socialSecurityNumber;
    private final String name;
    private final String specVersion;
    private final LocalDate issueDate;
    private final LocalDate expiryDate;

    private SocialSecurityCard(Builder b, Admdvs issuingAdmdvs, String socialSecurityNumber) {
        this.identificationCode = b.identificationCode;
        this.issuingAdmdvs = issuingAdmdvs;
        this.cardNumber = b.cardNumber;
        this.socialSecurityNumber = socialSecurityNumber;
        this.name = b.name;
        this.specVersion = b.specVersion;
        this.issueDate = b.issueDate;
        this.expiryDate = b.expiryDate;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The card identification code (卡识别码), 16 characters. */
    public String identificationCode() {
        return identificationCode;
    }

    /** The issuing admdvs: the first six characters of the identification code. */
    public Admdvs issuingAdmdvs() {
        return issuingAdmdvs;
    }

    /** The card number (卡号), 9 characters. Personal data: never log it. */
    public String cardNumber() {
        return cardNumber;
    }

    /** The social security number (社会保障号码), a GB 11643 ID number. Personal data: never log it. */
    public String socialSecurityNumber() {
        return socialSecurityNumber;
    }

    /** The holder's name. Personal data: never log it. */
    public String name() {
        return name;
    }

    /** The card specification version, e.g. {@code 3.00}. */
    public String specVersion() {
        return specVersion;
    }

    /** The issue date. */
    public LocalDate issueDate() {
        return issueDate;
    }

    /** The last day the card is valid. */
    public LocalDate expiryDate() {
        return expiryDate;
    }

    /** The birth date encoded in the social security number. */
    public LocalDate birthDate() {
        return IdNumber.birthDate(socialSecurityNumber);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocialSecurityCard c
                && identificationCode.equals(c.identificationCode)
                && cardNumber.equals(c.cardNumber)
                && socialSecurityNumber.equals(c.socialSecurityNumber)
                && name.equals(c.name)
                && specVersion.equals(c.specVersion)
                && issueDate.equals(c.issueDate)
                && expiryDate.equals(c.expiryDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identificationCode, cardNumber, socialSecurityNumber, name, specVersion, issueDate,
                expiryDate);
    }

    @Override
    public String toString() {
        return "SocialSecurityCard[issuingAdmdvs=" + issuingAdmdvs + ", expiryDate=" + expiryDate + "]";
    }

    /** Collects the fields; {@link #build(Clock)} validates them all. */
    public static final class Builder {

        private String identificationCode;
        private String cardNumber;
        private String socialSecurityNumber;
        private String name;
        private String specVersion;
        private LocalDate issueDate;
        private LocalDate expiryDate;

        private Builder() {
        }

        /** 卡识别码, 16 letters and digits, the first six a valid admdvs. */
        public Builder identificationCode(String value) {
            this.identificationCode = value;
            return this;
        }

        /** 卡号, 9 letters and digits. */
        public Builder cardNumber(String value) {
            this.cardNumber = value;
            return this;
        }

        /** 社会保障号码, a GB 11643 ID number. */
        public Builder socialSecurityNumber(String value) {
            this.socialSecurityNumber = value;
            return this;
        }

        /** The holder's name. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** 规范版本, e.g. {@code 3.00}. */
        public Builder specVersion(String value) {
            this.specVersion = value;
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

        /**
         * Validates every field and builds the card.
         *
         * @param clock today's date comes from it (expiry check)
         * @throws CardReadException {@code INVALID_CARD_FIELD}, {@code INVALID_ISSUING_ADMDVS},
         *         {@code INVALID_ID_LENGTH}, {@code INVALID_ID_CHECK_DIGIT}, {@code CARD_EXPIRED}
         */
        public SocialSecurityCard build(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            requireAlphanumeric(identificationCode, 16, "identificationCode");
            String admdvs = identificationCode.substring(0, 6);
            if (!Admdvs.isValid(admdvs)) {
                throw new CardReadException(CardErrorCode.INVALID_ISSUING_ADMDVS, "identificationCode",
                        "first six characters are not a valid admdvs");
            }
            requireAlphanumeric(cardNumber, 9, "cardNumber");
            String ssn = IdNumber.validate(socialSecurityNumber, "socialSecurityNumber");
            if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)
                    || name.length() > 30) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "name", "empty, too long or control characters");
            }
            if (specVersion == null || specVersion.isEmpty() || specVersion.length() > 8
                    || !specVersion.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, "specVersion", "not a short printable version");
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
            if (LocalDate.now(clock).isAfter(expiryDate)) {
                throw new CardReadException(CardErrorCode.CARD_EXPIRED, "expiryDate", "card expired on " + expiryDate);
            }
            return new SocialSecurityCard(this, new Admdvs(admdvs), ssn);
        }

        private static void requireAlphanumeric(String value, int length, String field) {
            if (value == null || value.length() != length) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not " + length + " characters");
            }
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                    throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field,
                            "only digits and upper-case letters allowed");
                }
            }
        }
    }
}
