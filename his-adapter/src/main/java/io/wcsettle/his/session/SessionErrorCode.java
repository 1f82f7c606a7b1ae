package io.wcsettle.his.session;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of {@link HisSession} and {@link Visit} steps. */
public enum SessionErrorCode implements ErrorCode {
    /** The platform answered {@code infcode = -1}: the step was refused; {@code err_msg} says why. Fix the cause, ask again. */
    STEP_REFUSED,
    /** The outcome is still unknown after the configured rounds (R-UPL-4); run the step again later, it resumes. */
    STEP_UNRESOLVED,
    /** Nothing reached the platform (unreachable, circuit breaker open, gateway refused); safe to ask again later. */
    STEP_NOT_DELIVERED,
    /** The platform's output lacks a field the next step needs. */
    OUTPUT_INCOMPLETE,
    /** The step needs an earlier one first (e.g. fees before admission, settlement before cancellation). */
    STEP_OUT_OF_ORDER,
    /** A fee row with this {@code feedetl_sn} was already uploaded with other content; cancel it (2302) first. */
    FEE_CONTENT_CONFLICT,
    /** The bill's lines and the fee rows the platform holds differ; upload or cancel rows first. */
    FEES_NOT_UPLOADED,
    /** The visit has no live settlement to cancel (none yet, or already cancelled). */
    NO_LIVE_SETTLEMENT,
    /**
     * The visit already has a settlement of this round — live, or in flight — made for a bill whose
     * 2304 input differs from this one; cancel it (2305) or resume first. A repeat of the same bill
     * answers the held settlement.
     */
    SETTLEMENT_CONFLICT,
    /** No policy and device catalogue are registered for the visit's insured place. */
    INSURED_PLACE_UNKNOWN,
    /** The filing the platform returned names another insured place than the person's insurance. */
    FILING_PLACE_MISMATCH,
    /** A value the step was given is not usable (the message names the field). */
    INVALID_STEP_INPUT;

    @Override
    public String code() {
        return name();
    }

    /**
     * Whether running the step again later can help: nothing was delivered, or the outcome is still
     * unresolved (the step resumes).
     */
    @Override
    public boolean retryable() {
        return this == STEP_NOT_DELIVERED || this == STEP_UNRESOLVED;
    }
}
