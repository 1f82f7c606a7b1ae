package io.wcsettle.core.institution;

/** The kinds of direct settlement an institution can be enabled for (R-INS-1, R-LOC-1). */
public enum SettlementKind {
    /** Cross-province direct settlement (跨省异地就医直接结算, IM Art. 16–17). */
    CROSS_PROVINCE,
    /** Local networked settlement of old injuries and recurrences (联网结算, source 000). */
    LOCAL_NETWORKED
}
