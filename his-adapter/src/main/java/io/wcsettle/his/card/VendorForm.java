package io.wcsettle.his.card;

/** The published forms of a reader vendor's {@code iReadCardBas} output (PROTOCOL.md). */
public enum VendorForm {
    /** 11 items, each ending with {@code |}. */
    STANDARD,
    /** {@code 1|} + the 11 items + 持卡就诊登记许可号, from HIS components wrapping the DLL. */
    STATUS_PREFIXED,
    /** The 11 items + PSAM卡芯片号 | 医疗证号 | 加密因子 | 版本号 (15 items). */
    EXTENDED,
    /**
     * 9 items: the 11 without 终端机编号 / 终端设备号, from third-generation cards read without
     * PSAM authentication; 社会保障号码, 卡号 and 姓名 come empty.
     */
    SHORT
}
