package io.wcsettle.core.prepayment;

/** Warning level of the prepayment usage rate (R-PRE-5, IM Art. 25). */
public enum UsageLevel {
    /** Below 70 %. */
    NONE,
    /** R-PRE-5 (IM Art. 25): usage rate ≥ 70 %, yellow warning. */
    YELLOW,
    /** R-PRE-5 (IM Art. 25): usage rate ≥ 80 %, red warning; opens the emergency top-up (R-PRE-6). */
    RED
}
