package io.wcsettle.core.settlement;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.region.Admdvs;

/**
 * The institution under agreement (协议机构) that treats the worker (R-SET-1, R-FIL-6).
 *
 * @param code                 the institution's code (not personal data)
 * @param admdvs               where it is
 * @param crossProvinceEnabled enabled for cross-province direct settlement (IM Art. 16–17)
 * @param suspended            suspended from direct settlement (IM Art. 16–17, 48)
 */
public record Institution(String code, Admdvs admdvs, boolean crossProvinceEnabled, boolean suspended) {

    /** Rejects nulls ({@code INVALID_INPUT}). */
    public Institution {
        Inputs.required(code, "code");
        Inputs.required(admdvs, "admdvs");
    }
}
