package io.wcsettle.his.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;

/**
 * The insured places a hospital serves: for each insured province, its policy and its device
 * catalogue with caps (R-SET-4). One session serves workers of every insured place; each visit's
 * engine is chosen here by the worker's insured admdvs. Immutable.
 */
public final class InsuredPlaces {

    /**
     * One insured place.
     *
     * @param policy  its policy (validity, outpatient switch …)
     * @param devices its device catalogue with caps (R-SET-4)
     */
    public record Place(RegionalPolicy policy, Catalogue devices) {
        /** Rejects nulls. */
        public Place {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(devices, "devices");
        }
    }

    private final Map<String, Place> byProvince;

    private InsuredPlaces(Map<String, Place> byProvince) {
        this.byProvince = Map.copyOf(byProvince);
    }

    /** No places yet. */
    public static InsuredPlaces none() {
        return new InsuredPlaces(Map.of());
    }

    /** A copy with {@code province} (any admdvs of it: {@code 150000}, {@code 150102}) served by {@code policy} and {@code devices}. */
    public InsuredPlaces with(Admdvs province, RegionalPolicy policy, Catalogue devices) {
        Map<String, Place> m = new HashMap<>(byProvince);
        m.put(province.code().substring(0, 2), new Place(policy, devices));
        return new InsuredPlaces(m);
    }

    /** The place of insured admdvs {@code insured}, by its province. */
    public Optional<Place> of(Admdvs insured) {
        return Optional.ofNullable(byProvince.get(insured.code().substring(0, 2)));
    }
}
