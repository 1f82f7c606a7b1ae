package io.wcsettle.testkit.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A person the simulated platform knows, found by 1101 through any of their credentials: the
 * social security card (card number and card identification code must both match), the resident
 * ID, or an electronic card token registered for them. {@link #toString()} shows no personal data.
 *
 * @param idNumber     the ID number ({@code certno})
 * @param name         the name ({@code psn_name}); 1101 must send it exactly
 * @param cardNumber   the social security card number, or {@code ""}
 * @param cardSn       the card identification code (32 hex), or {@code ""}
 * @param ecardToken   an electronic card token, or {@code ""}
 * @param psnNo        the platform's person number
 * @param insuredPlace the insured admdvs
 * @param psnType      {@code psn_type} (e.g. {@code 11} 在职)
 * @param filings      the work-injury filings
 */
public record SimulatedPerson(String idNumber, String name, String cardNumber, String cardSn, String ecardToken,
                              String psnNo, String insuredPlace, String psnType, List<Filing> filings) {

    /** Rejects nulls. */
    public SimulatedPerson {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(name, "name");
        cardNumber = Objects.requireNonNullElse(cardNumber, "");
        cardSn = Objects.requireNonNullElse(cardSn, "");
        ecardToken = Objects.requireNonNullElse(ecardToken, "");
        Objects.requireNonNull(psnNo, "psnNo");
        Objects.requireNonNull(insuredPlace, "insuredPlace");
        psnType = Objects.requireNonNullElse(psnType, "11");
        filings = List.copyOf(filings);
    }

    /**
     * A filing as the platform holds it (the work-injury profile's {@code filinginfo}).
     *
     * @param sn           filing serial
     * @param type         {@code REFERRAL}, {@code LONG_TERM_RESIDENCE}, {@code RESIDENT_WORK}
     * @param scope        {@code MEDICAL}, {@code REHAB}, {@code DEVICE}
     * @param insuredPlace insured admdvs
     * @param target       the treatment city's admdvs
     * @param filedOn      filing date
     * @param endedOn      the day entitlement ended, or {@code null}
     */
    public record Filing(String sn, String type, String scope, String insuredPlace, String target, LocalDate filedOn,
                         LocalDate endedOn) {
    }

    @Override
    public String toString() {
        return "SimulatedPerson[psn_no=" + psnNo + ", insured=" + insuredPlace + "]";
    }
}
