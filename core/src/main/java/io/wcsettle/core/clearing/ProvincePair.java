package io.wcsettle.core.clearing;

import java.util.Objects;

import io.wcsettle.core.region.Admdvs;

/**
 * An insured → treatment pair of provinces, the row key of the national clearing table (R-CLR-5).
 *
 * @param insured   insured province {@code PP0000}, the payer
 * @param treatment treatment province {@code PP0000}, the receiver
 */
public record ProvincePair(Admdvs insured, Admdvs treatment) implements Comparable<ProvincePair> {

    /** Normalises both codes to their provinces. */
    public ProvincePair {
        insured = Objects.requireNonNull(insured, "insured").province();
        treatment = Objects.requireNonNull(treatment, "treatment").province();
    }

    static ProvincePair ofIndex(int index) {
        return new ProvincePair(province(index / 100), province(index % 100));
    }

    static Admdvs province(int number) {
        return new Admdvs(String.format("%02d0000", number));
    }

    @Override
    public int compareTo(ProvincePair o) {
        int c = insured.compareTo(o.insured);
        return c != 0 ? c : treatment.compareTo(o.treatment);
    }
}
