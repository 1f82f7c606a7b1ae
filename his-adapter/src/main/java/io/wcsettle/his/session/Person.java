package io.wcsettle.his.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.region.Admdvs;

/**
 * The person as the platform's 1101 answer gives them, in core's types where core has them.
 * {@link #toString()} shows neither name nor ID number.
 *
 * @param psnNo         the platform's person number ({@code psn_no})
 * @param certType      {@code psn_cert_type}
 * @param certNo        {@code certno} (personal data)
 * @param name          {@code psn_name} (personal data)
 * @param gender        {@code gend} code
 * @param birthDate     {@code brdy}, when given
 * @param psnType       {@code psn_type} of the insurance the profile's {@code insutype} names
 * @param insuredPlace  {@code insuplc_admdvs} of that insurance
 * @param insurances    every {@code insuinfo} row
 * @param filings       the work-injury filings the answer carries (the work-injury profile's {@code filinginfo})
 */
public record Person(String psnNo, String certType, String certNo, String name, String gender,
                     Optional<LocalDate> birthDate, String psnType, Admdvs insuredPlace,
                     List<Insurance> insurances, List<Filing> filings) {

    /** Copies the lists. */
    public Person {
        insurances = List.copyOf(insurances);
        filings = List.copyOf(filings);
    }

    /**
     * One {@code insuinfo} row.
     *
     * @param insutype      险种类型
     * @param psnType       人员类别
     * @param insuredPlace  参保地医保区划
     * @param status        人员参保状态, {@code ""} when not given
     */
    public record Insurance(String insutype, String psnType, String insuredPlace, String status) {
    }

    /** The filing in force on {@code day} for treatment in {@code institution}'s area, if any (R-FIL-6, -8). */
    public Optional<Filing> filingFor(LocalDate day, Admdvs institution) {
        return filings.stream().filter(f -> f.covers(institution) && f.admissionProblems(day).isEmpty()).findFirst()
                .or(() -> filings.stream().filter(f -> f.covers(institution)).findFirst());
    }

    @Override
    public String toString() {
        return "Person[psn_no=" + psnNo + ", insured=" + insuredPlace.code() + ", filings=" + filings.size() + "]";
    }
}
