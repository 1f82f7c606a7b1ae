package io.wcsettle.his.card;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Shared values of the card tests: the testkit's sample card and a fixed clock. */
final class CardFixtures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    static final String IDENTIFICATION_CODE = "110100D156000005";
    static final String CARD_NUMBER = "K12345678";
    static final String SSN = "11010519491231002X";
    static final String NAME = "张三";

    private CardFixtures() {
    }

    /** The value the testkit's sample card must read as. */
    static SocialSecurityCard sampleCard() {
        return SocialSecurityCard.builder()
                .identificationCode(IDENTIFICATION_CODE)
                .cardNumber(CARD_NUMBER)
                .socialSecurityNumber(SSN)
                .name(NAME)
                .specVersion("3.00")
                .issueDate(LocalDate.of(2021, 3, 1))
                .expiryDate(LocalDate.of(2031, 3, 1))
                .build(CLOCK);
    }
}
