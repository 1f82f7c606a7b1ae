package io.wcsettle.core.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.region.Admdvs;

/**
 * An immutable registry of regional policies by id. {@link #shipped()} holds the profiles of
 * RULES.md: {@code 110000} Beijing, {@code 150000} Inner Mongolia and {@code default}; a region
 * adds or replaces its own with {@link #with(RegionalPolicy)}.
 */
public final class RegionalPolicies {

    /** Beijing 京人社工发〔2025〕5号: referral 6 months, no change lock stated. */
    public static final RegionalPolicy BEIJING = RegionalPolicy.builder("110000")
            .referralValidityMonths(6)
            .changeLockMonths(0)
            .build();

    /** Inner Mongolia procedure 2024: referral 3 months, change lock 6 months (Art. 11). */
    public static final RegionalPolicy INNER_MONGOLIA = RegionalPolicy.builder("150000")
            .referralValidityMonths(3)
            .changeLockMonths(6)
            .build();

    /** The default profile: referral 6 months, change lock 6 months, 5 working days everywhere. */
    public static final RegionalPolicy DEFAULT = RegionalPolicy.builder("default").build();

    private static final RegionalPolicies SHIPPED =
            new RegionalPolicies(new TreeMap<>()).with(BEIJING).with(INNER_MONGOLIA).with(DEFAULT);

    private final Map<String, RegionalPolicy> byId;

    private RegionalPolicies(Map<String, RegionalPolicy> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The shipped profiles. */
    public static RegionalPolicies shipped() {
        return SHIPPED;
    }

    /** A copy with {@code policy} added, replacing one with the same id. */
    public RegionalPolicies with(RegionalPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Map<String, RegionalPolicy> copy = new TreeMap<>(byId);
        copy.put(policy.id(), policy);
        return new RegionalPolicies(copy);
    }

    /**
     * The policy with this id.
     *
     * @throws InvalidInputException {@code UNKNOWN_POLICY}
     */
    public RegionalPolicy get(String id) {
        RegionalPolicy p = id == null ? null : byId.get(id);
        if (p == null) {
            throw new InvalidInputException(CoreErrorCode.UNKNOWN_POLICY, "policy",
                    "no regional policy registered under this id");
        }
        return p;
    }

    /**
     * The policy of the province {@code place} belongs to: the one registered under its province
     * code ({@code 110000}), else the {@code default} one. Used where the place's own rules bind,
     * e.g. the treatment place's upload deadlines (R-UPL-1) or the insured place's meal allowance
     * standard (R-SET-6).
     *
     * @throws InvalidInputException {@code UNKNOWN_POLICY} when neither is registered
     */
    public RegionalPolicy forPlace(Admdvs place) {
        RegionalPolicy p = byId.get(place.province().code());
        return p != null ? p : get("default");
    }

    /** Whether a {@code default} policy is registered, so {@link #forPlace} answers for every place. */
    public boolean hasDefault() {
        return byId.containsKey("default");
    }

    /** The registered ids. */
    public SortedSet<String> ids() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byId.keySet()));
    }
}
