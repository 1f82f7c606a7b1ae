package io.wcsettle.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One article of a source text, with the province whose text it is and the capacity it speaks in,
 * so that a worker's statement cites only the texts of the places actually involved (R-SET-10): a
 * Beijing worker treated in Changsha sees Beijing's articles as insured place, never Inner
 * Mongolia's.
 *
 * @param ref      the short form used in code and structured output, e.g. {@code BJ §二(三)}
 * @param province the province code whose text this is ({@code 110000}), or {@code null} for a text
 *                 that is not a regional regulation (the national interface, a news report)
 * @param role     the capacity the article speaks in
 * @param chinese  the citation as a worker reads it, e.g. {@code 京人社工发〔2025〕5号第二部分第（三）项}
 */
public record Citation(String ref, String province, Role role, String chinese) {

    /** Rejects nulls except {@code province}. */
    public Citation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(chinese, "chinese");
    }

    /**
     * Whether this article speaks for the given places: its province is the insured province and it
     * speaks as insured place (or for both), or it is the treatment province and it speaks as
     * treatment place (or for both). A text of no province never does.
     *
     * @param insuredProvince   the worker's insured province, {@code PP0000}
     * @param treatmentProvince the treatment province, {@code PP0000}
     */
    public boolean appliesTo(String insuredProvince, String treatmentProvince) {
        if (province == null) {
            return false;
        }
        boolean asInsured = province.equals(insuredProvince) && role != Role.TREATMENT_PLACE;
        boolean asTreatment = province.equals(treatmentProvince) && role != Role.INSURED_PLACE;
        return asInsured || asTreatment;
    }

    /** The short forms joined by {@code "; "}: the {@link Reason#source()} of a list of citations. */
    public static String refs(List<Citation> citations) {
        List<String> refs = new ArrayList<>(citations.size());
        for (Citation c : citations) {
            refs.add(c.ref());
        }
        return String.join("; ", refs);
    }

    /** Those of {@code citations} that apply to the two places, in order, each text once. */
    public static List<Citation> applying(List<Citation> citations, String insuredProvince, String treatmentProvince) {
        List<Citation> out = new ArrayList<>();
        for (Citation c : citations) {
            if (c.appliesTo(insuredProvince, treatmentProvince) && out.stream().noneMatch(o -> o.chinese.equals(c.chinese))) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
