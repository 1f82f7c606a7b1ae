package io.wcsettle.his.card;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.wcsettle.core.region.Admdvs;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.SampleIds;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;

/**
 * Shared values of the card tests: a fixed clock and {@link CardData}, the items of one card as
 * PROTOCOL.md describes them, from which both the simulated card (encoding) and the expected
 * {@link SocialSecurityCard} (what the reader must decode) are made.
 */
final class CardFixtures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    private CardFixtures() {
    }

    /**
     * One card's items, as the card table gives them.
     *
     * @param identificationCode     32 hex characters
     * @param cardType               one character
     * @param specVersion            {@code d.dd}
     * @param initialisingInstitution 24 hex characters
     * @param issueDate              发卡日期
     * @param expiryDate             卡有效期
     * @param cardNumber             9 characters
     * @param ssnOnCard              社会保障号码 as recorded: 18, or 15 digits
     * @param ssn                    the 18-character number the reader must return
     * @param name                   姓名
     * @param sex                    性别 digit
     * @param ethnicity              民族 code
     * @param birthplace             出生地 digits: 0, 2, 4 or 6
     * @param birthDate              出生日期
     * @param atrHistoricalBytes     hex
     */
    record CardData(String identificationCode, String cardType, String specVersion, String initialisingInstitution,
            LocalDate issueDate, LocalDate expiryDate, String cardNumber, String ssnOnCard, String ssn, String name,
            char sex, int ethnicity, String birthplace, LocalDate birthDate, String atrHistoricalBytes) {

        /** A fictitious person, third-generation card issued by a 本级 code (330399). */
        static CardData sample() {
            String ssn = SampleIds.id18("330302", LocalDate.of(1985, 7, 14), 317);
            return new CardData("330399D15600000571A4E2C09B3D5F18", "3", "3.00", "330300000000000000000017",
                    LocalDate.of(2021, 12, 3), LocalDate.of(2031, 12, 2), "A00001234", ssn, ssn, "王小明",
                    '1', 1, "330302", LocalDate.of(1985, 7, 14), "008C544CB386843303995F18A2");
        }

        CardData withSsnOnCard(String onCard, String expected) {
            return new CardData(identificationCode, cardType, specVersion, initialisingInstitution, issueDate,
                    expiryDate, cardNumber, onCard, expected, name, sex, ethnicity, birthplace, birthDate,
                    atrHistoricalBytes);
        }

        CardData withBirthplace(String digits) {
            return new CardData(identificationCode, cardType, specVersion, initialisingInstitution, issueDate,
                    expiryDate, cardNumber, ssnOnCard, ssn, name, sex, ethnicity, digits, birthDate, atrHistoricalBytes);
        }

        CardData withIdentificationCode(String code) {
            return new CardData(code, cardType, specVersion, initialisingInstitution, issueDate, expiryDate, cardNumber,
                    ssnOnCard, ssn, name, sex, ethnicity, birthplace, birthDate, atrHistoricalBytes);
        }

        /** A simulated card holding these items, laid out as {@code layout}. */
        SimulatedSocialSecurityCard.Builder simulated(CardLayout layout) {
            return SimulatedSocialSecurityCard.builder().layout(layout)
                    .identificationCode(identificationCode).cardType(cardType).specVersion(specVersion)
                    .initialisingInstitution(initialisingInstitution).issueDate(issueDate).expiryDate(expiryDate)
                    .cardNumber(cardNumber).socialSecurityNumber(ssnOnCard).name(name).sex(String.valueOf(sex))
                    .ethnicity(ethnicity).birthplace(birthplace).birthDate(birthDate)
                    .atrHistoricalBytes(atrHistoricalBytes);
        }

        /** A simulated card holding these items, every form accepted. */
        SimulatedSocialSecurityCard.Builder simulated() {
            return simulated(CardLayout.lenient());
        }

        /** The card the reader must return for a chip read (ATR known). */
        SocialSecurityCard expected() {
            SocialSecurityCard.Builder b = SocialSecurityCard.builder()
                    .identificationCode(identificationCode).cardType(cardType).specVersion(specVersion)
                    .initialisingInstitution(initialisingInstitution).issueDate(issueDate).expiryDate(expiryDate)
                    .cardNumber(cardNumber).socialSecurityNumber(ssn).name(name).sex(Sex.of(String.valueOf(sex), "sex"))
                    .ethnicity(ethnicity).birthDate(birthDate).atrHistoricalBytes(atrHistoricalBytes);
            if (!birthplace.isEmpty()) {
                b.birthplace(new Admdvs((birthplace + "000000").substring(0, 6)));
            }
            return b.build(CLOCK);
        }

        /** The standard 11-item {@code iReadCardBas} output of this card, with the terminal items. */
        String vendorItems(String terminalNumber, String deviceNumber) {
            return identificationCode.substring(0, 6) + "|" + ssnOnCard + "|" + cardNumber + "|" + identificationCode
                    + "|" + name + "|" + atrHistoricalBytes + "|" + specVersion + "|" + date(issueDate) + "|"
                    + date(expiryDate) + "|" + terminalNumber + "|" + deviceNumber + "|";
        }

        /** What a vendor string gives: no EF05 04 / EF06 extras. */
        SocialSecurityCard expectedFromVendor() {
            return SocialSecurityCard.builder()
                    .identificationCode(identificationCode).specVersion(specVersion).issueDate(issueDate)
                    .expiryDate(expiryDate).cardNumber(cardNumber).socialSecurityNumber(ssn).name(name)
                    .atrHistoricalBytes(atrHistoricalBytes).build(CLOCK);
        }

        private static String date(LocalDate d) {
            return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
    }
}
