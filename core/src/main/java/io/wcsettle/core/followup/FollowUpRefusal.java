package io.wcsettle.core.followup;

import io.wcsettle.core.rule.Reason;
import io.wcsettle.core.rule.Sources;

/** Why a requested work-order move did not happen (R-AUTO-2, R-UPL-3). Codes never change meaning. */
public enum FollowUpRefusal implements Reason {
    /** R-AUTO-2 (004): the move is not allowed from the current state (skipped, reversed, after a final state). */
    ILLEGAL_MOVE("R-AUTO-2", Sources.BAOSHAN_004.ref()),
    /**
     * R-UPL-3, R-AUTO-1 (IM Art. 37): the claim duplicates costs already paid or settled directly;
     * nothing is paid, the order stays approved for the agency to reject.
     */
    DUPLICATE_CLAIM("R-UPL-3", Sources.IM_37.ref()),
    /** R-AUTO-2: the stored order changed since it was read; read it again and retry. */
    STALE_ORDER("R-AUTO-2", Sources.BAOSHAN_004.ref());

    private final String rule;
    private final String source;

    FollowUpRefusal(String rule, String source) {
        this.rule = rule;
        this.source = source;
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public String source() {
        return source;
    }
}
