package io.wcsettle.core.rule;

/**
 * The one shape of every reason the SDK gives (a refusal, a deduction, a finding): a stable code,
 * the rule of RULES.md it applies and the source articles it comes from. Implemented by the reason
 * enums of every package (bill, line, application, admission, change, local refusal, top-up
 * refusal, audit, follow-up), so a caller can log, store or display any of them the same way.
 * Codes never change meaning.
 */
public interface Reason {

    /** The stable code, e.g. {@code NOT_IN_CATALOGUE}. */
    String name();

    /** The rule id of RULES.md, e.g. {@code R-SET-5}. */
    String rule();

    /** The source articles in the project's short form, e.g. {@code BJ §三(三); IM Art. 36}. */
    String source();
}
