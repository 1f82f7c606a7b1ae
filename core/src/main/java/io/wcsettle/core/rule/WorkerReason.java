package io.wcsettle.core.rule;

import java.util.List;

/**
 * A reason a worker reads on the statement (R-SET-10): besides the code, rule and source of every
 * {@link Reason}, a plain Chinese sentence without rule ids or English, and the articles with the
 * place and capacity each speaks for, so the statement cites only the places involved.
 */
public interface WorkerReason extends Reason {

    /** The reason in plain Chinese, for the worker. */
    String chinese();

    /** The articles this reason comes from; {@link #source()} is their short forms. */
    List<Citation> citations();

    /**
     * What the statement cites when none of {@link #citations()} is a text of the places involved,
     * in plain Chinese, e.g. {@code 就医地工伤保险有关规定}.
     */
    String fallbackBasis();
}
