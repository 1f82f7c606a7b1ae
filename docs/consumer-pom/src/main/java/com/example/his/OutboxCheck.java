package com.example.his;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxState;

/** The consumer sample's one class: opens the embedded outbox and prints its counts (compiled by .ci/run). */
public final class OutboxCheck {

    private OutboxCheck() {
    }

    /** {@code args[0]}: the outbox file (without .mv.db); {@code args[1]}: the institution's 12-character code. */
    public static void main(String[] args) {
        UploadDeadlines deadlines = new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial());
        try (Outbox outbox = Outbox.h2File(Path.of(args[0]), args[1], Clock.systemDefaultZone(), deadlines)) {
            Map<OutboxState, Long> counts = outbox.counts();
            System.out.println(counts);
        }
    }
}
