package io.wcsettle.core.settlement;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.region.Admdvs;

/**
 * The institution under agreement (协议机构) that treats the worker (R-SET-1, R-FIL-6, R-INS-1),
 * with the settlement kinds it is enabled for: cross-province direct settlement (IM Art. 16–17)
 * and local networked settlement (联网结算, R-LOC-1, {@code 000}) are separate agreements, each its
 * own flag. Build with {@link #builder(String, Admdvs)}.
 *
 * @param code                 the institution's code (not personal data)
 * @param admdvs               where it is
 * @param crossProvinceEnabled enabled for cross-province direct settlement (IM Art. 16–17)
 * @param localNetworked       has an agreement for local networked settlement (R-LOC-1); needed for
 *                             local bills and for the insured place's own settlement (R-FIL-11)
 * @param suspended            suspended from direct settlement (IM Art. 16–17, 48)
 */
public record Institution(String code, Admdvs admdvs, boolean crossProvinceEnabled, boolean localNetworked,
                          boolean suspended) {

    /** Rejects nulls ({@code INVALID_INPUT}). */
    public Institution {
        Inputs.required(code, "code");
        Inputs.required(admdvs, "admdvs");
    }

    /**
     * An institution without a local networked agreement: the form of the SDK's first versions,
     * kept for callers that only settle cross-province bills.
     *
     * @param code                 the institution's code
     * @param admdvs               where it is
     * @param crossProvinceEnabled enabled for cross-province direct settlement
     * @param suspended            suspended from direct settlement
     */
    public Institution(String code, Admdvs admdvs, boolean crossProvinceEnabled, boolean suspended) {
        this(code, admdvs, crossProvinceEnabled, false, suspended);
    }

    /** A builder for an institution enabled for nothing and not suspended. */
    public static Builder builder(String code, Admdvs admdvs) {
        return new Builder(code, admdvs);
    }

    /** Mutable builder of {@link Institution}. */
    public static final class Builder {
        private final String code;
        private final Admdvs admdvs;
        private boolean crossProvince;
        private boolean localNetworked;
        private boolean suspended;

        private Builder(String code, Admdvs admdvs) {
            this.code = code;
            this.admdvs = admdvs;
        }

        /** Enabled for cross-province direct settlement (IM Art. 16–17). */
        public Builder crossProvince(boolean enabled) {
            this.crossProvince = enabled;
            return this;
        }

        /** Has an agreement for local networked settlement (R-LOC-1). */
        public Builder localNetworked(boolean enabled) {
            this.localNetworked = enabled;
            return this;
        }

        /** Suspended from direct settlement. */
        public Builder suspended(boolean suspended) {
            this.suspended = suspended;
            return this;
        }

        /** The institution. */
        public Institution build() {
            return new Institution(code, admdvs, crossProvince, localNetworked, suspended);
        }
    }
}
