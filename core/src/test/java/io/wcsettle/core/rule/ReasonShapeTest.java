package io.wcsettle.core.rule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.audit.AuditRuleId;
import io.wcsettle.core.filing.AdmissionProblem;
import io.wcsettle.core.filing.ApplicationReason;
import io.wcsettle.core.filing.ChangeReason;
import io.wcsettle.core.followup.ClaimKind;
import io.wcsettle.core.followup.FollowUpRefusal;
import io.wcsettle.core.local.LocalRefusal;
import io.wcsettle.core.prepayment.TopUpRefusal;
import io.wcsettle.core.settlement.BillReason;
import io.wcsettle.core.settlement.LineReason;

class ReasonShapeTest {

    private static final List<Class<? extends Reason>> REASONS = List.of(BillReason.class, LineReason.class,
            ApplicationReason.class, AdmissionProblem.class, ChangeReason.class, LocalRefusal.class, TopUpRefusal.class,
            AuditRuleId.class, ClaimKind.class, FollowUpRefusal.class);

    private static Stream<Reason> all() {
        return REASONS.stream().flatMap(c -> Stream.of(c.getEnumConstants()));
    }

    @Test
    @DisplayName("Every reason has one shape: a stable code, a rule id of RULES.md and its source article")
    void everyReason_namesItsRuleAndSource() {
        all().forEach(r -> {
            assertTrue(r.rule().matches("R-[A-Z]+-\\d+"), r + ": " + r.rule());
            assertFalse(r.source().isBlank(), r + " has no source");
            assertTrue(r.name().matches("[A-Z_]+"), r.name());
        });
    }

    @Test
    @DisplayName("R-SET-10: every reason a worker reads cites articles and has plain Chinese without rule ids or Latin letters")
    void workerReasons_citeArticlesInChinese() {
        Stream.of(BillReason.values(), LineReason.values()).flatMap(Stream::of).forEach(r -> {
            WorkerReason w = (WorkerReason) r;
            assertFalse(w.citations().isEmpty(), r + " cites nothing");
            assertFalse(w.chinese().matches("(?s).*[A-Za-z].*"), r + ": " + w.chinese());
            assertFalse(w.fallbackBasis().matches("(?s).*[A-Za-z].*"), r + ": " + w.fallbackBasis());
            w.citations().forEach(c -> assertFalse(c.chinese().matches("(?s).*[A-Za-z].*"), c.toString()));
        });
    }
}
