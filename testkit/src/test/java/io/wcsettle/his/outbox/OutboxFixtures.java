package io.wcsettle.his.outbox;

import java.time.LocalDate;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.platform.CanonicalJson;

/** Shared values of the outbox tests that run against the testkit's platform simulator. */
final class OutboxFixtures {

    static final UploadDeadlines DEADLINES = new UploadDeadlines(RegionalPolicies.DEFAULT,
            WorkingDayCalendar.chinaOfficial());

    private OutboxFixtures() {
    }

    static NewMessage settlement(String key, LocalDate settledOn) {
        return new NewMessage(key, "2304", "150102",
                CanonicalJson.mapper().createObjectNode().put("psn_no", "P" + key).put("mdtrt_id", key)
                        .put("medfee_sumamt", "12.34").put("fund_pay_sumamt", "10.00"),
                settledOn, Fen.of(1234), Fen.of(1000));
    }
}
