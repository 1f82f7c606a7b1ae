package io.wcsettle.core.institution;

/** The agreement state of an institution in the library (R-INS-1, IM Art. 17). */
public enum AgreementState {
    /** 协议: under agreement (新增 enters the library in this state). */
    IN_AGREEMENT("协议"),
    /** 中止: the agreement is suspended; the institution may come back. */
    SUSPENDED("中止协议"),
    /** 终止: the agreement has ended. */
    TERMINATED("终止协议"),
    /** 停业 / 歇业: the institution has closed. */
    CLOSED("停业或歇业");

    private final String title;

    AgreementState(String title) {
        this.title = title;
    }

    /** The state as the source names it. */
    public String title() {
        return title;
    }
}
