package io.wcsettle.his.outbox;

import java.time.LocalDate;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;

/** Shared values of the outbox tests that run against the testkit's platform simulator. */
final class OutboxFixtures {

    static final UploadDeadlines DEADLINES = new UploadDeadlines(RegionalPolicies.DEFAULT,
            WorkingDayCalendar.chinaOfficial());

    private OutboxFixtures() {
    }

    /** A valid 2401 (2601 can reverse it) whose business key and 住院号 are {@code key}. */
    static NewMessage settlement(String key, LocalDate settledOn) {
        return new NewMessage(key, "2401", "150102", io.wcsettle.his.platform.PlatformFixture.admissionInput(key),
                settledOn, Fen.of(1234), Fen.of(1000));
    }
}
