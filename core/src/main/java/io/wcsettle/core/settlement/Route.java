package io.wcsettle.core.settlement;

/**
 * Where a discharge bill goes after the cross-province verdict (R-SET-1, R-FIL-11, R-LOC-1,
 * R-UPL-3). Only {@link #CROSS_PROVINCE} sends anything to the national platform.
 */
public enum Route {
    /** Settled directly across provinces through the national platform (R-SET-1). */
    CROSS_PROVINCE,
    /**
     * R-FIL-11: a long-term filer treated back in the insured province during the filing's validity,
     * settled under the insured place's own policy and catalogues; nothing goes to the
     * cross-province platform, and it is never a manual claim.
     */
    HOME_PLACE,
    /** R-LOC-1: local networked settlement with the agency's online approval. */
    LOCAL_NETWORKED,
    /**
     * R-UPL-3 (IM Art. 37): not settled directly; the worker claims at the insured place, which
     * first checks the costs were not settled directly.
     */
    MANUAL_CLAIM
}
