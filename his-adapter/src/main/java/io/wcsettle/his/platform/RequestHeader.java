package io.wcsettle.his.platform;

import java.util.Objects;

/**
 * The per-institution fields of every request envelope (表 2 of the published interface),
 * built by name. Values a deployment receives from its platform ("现场提供": {@code infver},
 * {@code recer_sys_code}) are configuration, not constants. {@link #toString()} leaves out
 * {@code dev_safe_info}, {@code opter_name} and {@code sign_no}.
 *
 * <pre>{@code
 * RequestHeader header = RequestHeader.builder()
 *         .fixmedinsCode("H43010200001").fixmedinsName("长沙市第一医院")
 *         .mdtrtareaAdmvs("430102")          // the treatment place (就医地医保区划)
 *         .recerSysCode("SICP")              // given by the platform operator
 *         .infver("V1.0")
 *         .opterType("1").opter("0001").opterName("收费员甲")
 *         .build();
 * }</pre>
 *
 * @param mdtrtareaAdmvs treatment-place admdvs ({@code mdtrtarea_admvs}, 6)
 * @param insuplcAdmdvs  insured admdvs ({@code insuplc_admdvs}, 6), set per visit; {@code ""} for local business
 * @param recerSysCode   receiver system code ({@code recer_sys_code}, ≤ 10)
 * @param devNo          device number ({@code dev_no}, ≤ 100)
 * @param devSafeInfo    device security info ({@code dev_safe_info}, ≤ 2000; never logged)
 * @param infver         interface version ({@code infver}, ≤ 6, e.g. {@code V1.0})
 * @param opterType      operator type ({@code opter_type}: 1 经办人, 2 自助终端, 3 移动终端)
 * @param opter          operator or terminal id ({@code opter}, ≤ 30)
 * @param opterName      operator or terminal name ({@code opter_name}, ≤ 50; never logged)
 * @param fixmedinsCode  institution code ({@code fixmedins_code}, 12)
 * @param fixmedinsName  institution name ({@code fixmedins_name}, ≤ 20)
 * @param signNo         sign-in number from 9001 ({@code sign_no}, ≤ 30), {@code ""} before sign-in
 */
public record RequestHeader(String mdtrtareaAdmvs, String insuplcAdmdvs, String recerSysCode, String devNo,
                            String devSafeInfo, String infver, String opterType, String opter, String opterName,
                            String fixmedinsCode, String fixmedinsName, String signNo) {

    /**
     * Checks every field against 表 2.
     *
     * @throws PlatformException {@code INVALID_HEADER} naming the field
     */
    public RequestHeader {
        mdtrtareaAdmvs = check("mdtrtarea_admvs", mdtrtareaAdmvs, 6, true);
        if (!mdtrtareaAdmvs.matches("[0-9]{6}")) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, "mdtrtarea_admvs", "six digits");
        }
        insuplcAdmdvs = check("insuplc_admdvs", insuplcAdmdvs, 6, false);
        if (!insuplcAdmdvs.isEmpty() && !insuplcAdmdvs.matches("[0-9]{6}")) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, "insuplc_admdvs", "six digits");
        }
        recerSysCode = check("recer_sys_code", recerSysCode, 10, true);
        devNo = check("dev_no", devNo, 100, false);
        devSafeInfo = check("dev_safe_info", devSafeInfo, 2000, false);
        infver = check("infver", infver, 6, true);
        opterType = check("opter_type", opterType, 3, true);
        if (!opterType.matches("[123]")) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, "opter_type", "1, 2 or 3 (表 2)");
        }
        opter = check("opter", opter, 30, true);
        opterName = check("opter_name", opterName, 50, true);
        fixmedinsCode = check("fixmedins_code", fixmedinsCode, 12, true);
        if (fixmedinsCode.length() != 12) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, "fixmedins_code", "12 characters");
        }
        fixmedinsName = check("fixmedins_name", fixmedinsName, 20, true);
        signNo = check("sign_no", signNo, 30, false);
    }

    private static String check(String field, String value, int max, boolean required) {
        String v = Objects.requireNonNullElse(value, "");
        if (required && v.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, field, "required (表 2)");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, field, "longer than " + max + " (表 2)");
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < 0x20) {
                throw new PlatformException(PlatformErrorCode.INVALID_HEADER, field, "control character");
            }
        }
        return v;
    }

    /** A builder; every required field of 表 2 must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mdtrtareaAdmvs = mdtrtareaAdmvs;
        b.insuplcAdmdvs = insuplcAdmdvs;
        b.recerSysCode = recerSysCode;
        b.devNo = devNo;
        b.devSafeInfo = devSafeInfo;
        b.infver = infver;
        b.opterType = opterType;
        b.opter = opter;
        b.opterName = opterName;
        b.fixmedinsCode = fixmedinsCode;
        b.fixmedinsName = fixmedinsName;
        b.signNo = signNo;
        return b;
    }

    /** A copy with the insured admdvs of one patient ({@code ""} for local business). */
    public RequestHeader withInsuplcAdmdvs(String admdvs) {
        return toBuilder().insuplcAdmdvs(admdvs).build();
    }

    /** A copy with the sign-in number from 9001. */
    public RequestHeader withSignNo(String sign) {
        return toBuilder().signNo(sign).build();
    }

    @Override
    public String toString() {
        return "RequestHeader[fixmedins_code=" + fixmedinsCode + ", mdtrtarea_admvs=" + mdtrtareaAdmvs
                + ", insuplc_admdvs=" + insuplcAdmdvs + ", infver=" + infver + "]";
    }

    /** Builder of {@link RequestHeader}; {@code infver} defaults to {@code V1.0}, {@code opter_type} to {@code 1}. */
    public static final class Builder {
        private String mdtrtareaAdmvs;
        private String insuplcAdmdvs = "";
        private String recerSysCode;
        private String devNo = "";
        private String devSafeInfo = "";
        private String infver = "V1.0";
        private String opterType = "1";
        private String opter;
        private String opterName;
        private String fixmedinsCode;
        private String fixmedinsName;
        private String signNo = "";

        private Builder() {
        }

        /** 就医地医保区划: the treatment place, six digits. */
        public Builder mdtrtareaAdmvs(String v) {
            this.mdtrtareaAdmvs = v;
            return this;
        }

        /** 参保地医保区划: set per visit by the session. */
        public Builder insuplcAdmdvs(String v) {
            this.insuplcAdmdvs = v;
            return this;
        }

        /** 接收方系统代码, given by the platform operator. */
        public Builder recerSysCode(String v) {
            this.recerSysCode = v;
            return this;
        }

        /** 设备编号. */
        public Builder devNo(String v) {
            this.devNo = v;
            return this;
        }

        /** 设备安全信息 (never logged). */
        public Builder devSafeInfo(String v) {
            this.devSafeInfo = v;
            return this;
        }

        /** 接口版本号, as the platform's notice says. */
        public Builder infver(String v) {
            this.infver = v;
            return this;
        }

        /** 经办人类别: 1 经办人, 2 自助终端, 3 移动终端. */
        public Builder opterType(String v) {
            this.opterType = v;
            return this;
        }

        /** 经办人 / terminal id. */
        public Builder opter(String v) {
            this.opter = v;
            return this;
        }

        /** 经办人姓名 / terminal name (never logged). */
        public Builder opterName(String v) {
            this.opterName = v;
            return this;
        }

        /** 定点医药机构编号, 12 characters. */
        public Builder fixmedinsCode(String v) {
            this.fixmedinsCode = v;
            return this;
        }

        /** 定点医药机构名称, at most 20 characters. */
        public Builder fixmedinsName(String v) {
            this.fixmedinsName = v;
            return this;
        }

        /** 交易签到流水号 from 9001; the session sets it. */
        public Builder signNo(String v) {
            this.signNo = v;
            return this;
        }

        /**
         * The header.
         *
         * @throws PlatformException {@code INVALID_HEADER} naming the field that breaks 表 2
         */
        public RequestHeader build() {
            return new RequestHeader(mdtrtareaAdmvs, insuplcAdmdvs, recerSysCode, devNo, devSafeInfo, infver, opterType,
                    opter, opterName, fixmedinsCode, fixmedinsName, signNo);
        }
    }
}
