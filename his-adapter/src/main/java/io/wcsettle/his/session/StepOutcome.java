package io.wcsettle.his.session;

import java.util.Optional;
import java.util.function.Function;

/**
 * What one platform step came to, as a value (not an exception for flow control):
 * {@link Answered} with the typed answer, {@link Refused} with the platform's {@code err_msg},
 * {@link NotDelivered} (nothing reached the platform: safe to ask again) or {@link Unknown} (still
 * being resolved, R-UPL-4: ask again later, the step resumes under the same msgid).
 *
 * @param <T> the typed answer
 */
public sealed interface StepOutcome<T> {

    /** The msgid of the message this outcome is about, {@code ""} when nothing was written. */
    String msgid();

    /** The answer, when answered. */
    default Optional<T> answer() {
        return this instanceof Answered<T> a ? Optional.of(a.value()) : Optional.empty();
    }

    /** Whether the platform answered {@code infcode 0}. */
    default boolean answered() {
        return this instanceof Answered;
    }

    /**
     * The answer, or a {@link HisSessionException} with the code of this outcome and, for a refusal,
     * the platform's {@code err_msg}.
     */
    default T orElseThrow() {
        if (this instanceof Answered<T> a) {
            return a.value();
        }
        throw toException();
    }

    /** This outcome with the answer mapped. */
    @SuppressWarnings("unchecked")
    default <U> StepOutcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Answered<T> a) {
            return new Answered<>(f.apply(a.value()), a.msgid());
        }
        return (StepOutcome<U>) this;
    }

    /** The exception {@link #orElseThrow()} throws for a non-answer. */
    HisSessionException toException();

    /**
     * The platform answered.
     *
     * @param value the typed answer
     * @param msgid the message's msgid
     */
    record Answered<T>(T value, String msgid) implements StepOutcome<T> {
        @Override
        public HisSessionException toException() {
            throw new IllegalStateException("answered");
        }
    }

    /**
     * The platform refused ({@code infcode -1}). Fix the cause and ask again: a new msgid is used.
     *
     * @param step   the step's key ({@code admission:V1} …)
     * @param infno  the transaction
     * @param errMsg the platform's {@code err_msg}, as sent
     * @param msgid  the refused message's msgid
     */
    record Refused<T>(String step, String infno, String errMsg, String msgid) implements StepOutcome<T> {
        @Override
        public HisSessionException toException() {
            return new HisSessionException(SessionErrorCode.STEP_REFUSED, step,
                    "platform refused " + infno + ": " + errMsg + " [msgid=" + msgid + "]", errMsg);
        }
    }

    /**
     * Nothing reached the platform; the entry waits, PENDING, under its msgid.
     *
     * @param step   the step's key
     * @param reason the error code ({@code PLATFORM_UNAVAILABLE}, {@code GATEWAY_REFUSED})
     * @param msgid  the waiting message's msgid
     */
    record NotDelivered<T>(String step, String reason, String msgid) implements StepOutcome<T> {
        @Override
        public HisSessionException toException() {
            return new HisSessionException(SessionErrorCode.STEP_NOT_DELIVERED, step,
                    "not delivered (" + reason + "); ask again later [msgid=" + msgid + "]", "");
        }
    }

    /**
     * The outcome is not known yet (R-UPL-4); asking again resumes the resolution.
     *
     * @param step  the step's key
     * @param msgid the unresolved message's msgid
     */
    record Unknown<T>(String step, String msgid) implements StepOutcome<T> {
        @Override
        public HisSessionException toException() {
            return new HisSessionException(SessionErrorCode.STEP_UNRESOLVED, step,
                    "outcome still unknown; ask again to resume [msgid=" + msgid + "]", "");
        }
    }
}
