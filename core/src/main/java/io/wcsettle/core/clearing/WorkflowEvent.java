package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.region.Admdvs;

/**
 * One recorded state change of a clearing period (R-CLR-7: every state change is recorded), with
 * who and when.
 *
 * @param step     what happened
 * @param province the province answering ({@code CONFIRM}, {@code DISPUTE}), else {@code null}
 * @param subject  the dispute id ({@code DISPUTE}, {@code ESCALATE}, {@code RESOLVE}), else empty
 * @param actor    who did it
 * @param on       the business date
 * @param late     an answer after the confirmation day (the 25th, R-CLR-3)
 * @param note     free text, no personal data
 */
public record WorkflowEvent(WorkflowStep step, Admdvs province, String subject, String actor, LocalDate on,
        boolean late, String note) {

    /** Rejects nulls where required. */
    public WorkflowEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(on, "on");
        subject = subject == null ? "" : subject;
        note = note == null ? "" : note;
    }
}
