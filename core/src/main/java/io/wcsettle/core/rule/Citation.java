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
 * @param document the text as a worker reads its name, e.g. {@code 京人社工发〔2025〕5号}
 * @param article  the article within it, e.g. {@code 第二部分第（三）项}; empty for a whole text
 */
public record Citation(String ref, String province, Role role, String document, String article) {

    /** Rejects nulls except {@code province}. */
    public Citation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(article, "article");
    }

    /** The citation as a worker reads it, e.g. {@code 京人社工发〔2025〕5号第二部分第（三）项}. */
    public String chinese() {
        return document + article;
    }

    /**
     * The citations in plain Chinese, articles of one text joined after its name:
     * {@code 《…规程》第三十一条、第三十六条；京人社工发〔2025〕5号第二部分第（三）项}.
     */
    public static String chinese(List<Citation> citations) {
        StringBuilder sb = new StringBuilder();
        String document = null;
        for (Citation c : citations) {
            if (c.document.equals(document)) {
                sb.append('、').append(c.article);
            } else {
                if (document != null) {
                    sb.append('；');
                }
                sb.append(c.chinese());
                document = c.document;
            }
        }
        return sb.toString();
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
            if (c.appliesTo(insuredProvince, treatmentProvince) && out.stream().noneMatch(o -> o.chinese().equals(c.chinese()))) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
