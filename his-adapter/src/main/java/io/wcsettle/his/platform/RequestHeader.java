package io.wcsettle.his.platform;

import java.util.Objects;

/**
 * The per-institution fields of every request envelope (PROTOCOL.md "Message envelope").
 * {@link #toString()} leaves out {@code dev_safe_info} and {@code opter_name}.
 *
 * @param mdtrtareaAdmvs treatment-place admdvs ({@code mdtrtarea_admvs})
 * @param insuplcAdmdvs  insured admdvs ({@code insuplc_admdvs})
 * @param recerSysCode   receiver system code
 * @param devNo          device number
 * @param devSafeInfo    device security info (never logged)
 * @param opterType      operator type
 * @param opter          operator id
 * @param opterName      operator name (never logged)
 * @param fixmedinsCode  institution code (12 characters)
 * @param fixmedinsName  institution name
 * @param signNo         sign-in number from 9001, {@code ""} before sign-in
 */
public record RequestHeader(String mdtrtareaAdmvs, String insuplcAdmdvs, String recerSysCode, String devNo,
                            String devSafeInfo, String opterType, String opter, String opterName,
                            String fixmedinsCode, String fixmedinsName, String signNo) {

    /** Empty string fields are sent as {@code ""} (PROTOCOL.md); {@code null} becomes {@code ""}. */
    public RequestHeader {
        mdtrtareaAdmvs = Objects.requireNonNullElse(mdtrtareaAdmvs, "");
        insuplcAdmdvs = Objects.requireNonNullElse(insuplcAdmdvs, "");
        recerSysCode = Objects.requireNonNullElse(recerSysCode, "");
        devNo = Objects.requireNonNullElse(devNo, "");
        devSafeInfo = Objects.requireNonNullElse(devSafeInfo, "");
        opterType = Objects.requireNonNullElse(opterType, "");
        opter = Objects.requireNonNullElse(opter, "");
        opterName = Objects.requireNonNullElse(opterName, "");
        fixmedinsCode = Objects.requireNonNullElse(fixmedinsCode, "");
        fixmedinsName = Objects.requireNonNullElse(fixmedinsName, "");
        signNo = Objects.requireNonNullElse(signNo, "");
    }

    /** A copy with the insured admdvs of one patient. */
    public RequestHeader withInsuplcAdmdvs(String admdvs) {
        return new RequestHeader(mdtrtareaAdmvs, admdvs, recerSysCode, devNo, devSafeInfo, opterType, opter,
                opterName, fixmedinsCode, fixmedinsName, signNo);
    }

    /** A copy with the sign-in number from 9001. */
    public RequestHeader withSignNo(String sign) {
        return new RequestHeader(mdtrtareaAdmvs, insuplcAdmdvs, recerSysCode, devNo, devSafeInfo, opterType, opter,
                opterName, fixmedinsCode, fixmedinsName, sign);
    }

    @Override
    public String toString() {
        return "RequestHeader[fixmedins_code=" + fixmedinsCode + ", mdtrtarea_admvs=" + mdtrtareaAdmvs
                + ", insuplc_admdvs=" + insuplcAdmdvs + "]";
    }
}
