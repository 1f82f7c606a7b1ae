package io.wcsettle.core.settlement;

/**
 * What the settlement needs to know about the worker at discharge (R-SET-1, R-SET-11).
 *
 * @param suspended           suspended from direct settlement for violations (IM Art. 48)
 * @param thirdPartyLiability a third party is liable for the costs (BJ §三; IM Art. 3)
 */
public record WorkerStatus(boolean suspended, boolean thirdPartyLiability) {

    /** A worker in good standing with no third party liable. */
    public static final WorkerStatus GOOD_STANDING = new WorkerStatus(false, false);
}
