package io.wcsettle.testkit.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link SimulatedSocialSecurityCard} wants to be addressed: the ways real cards differ
 * (PROTOCOL.md, card section). Each option accepts one form and refuses the others with the status
 * word a strict card gives, so a reader is tested against cards it was not written for.
 *
 * @param records         which READ RECORD addressing the card takes
 * @param le              how it treats the Le of READ RECORD
 * @param selectEf        which SELECT-by-file-id P1 it takes
 * @param selectAidMoreData whether SELECT of the application answers {@code 61xx} (FCI to fetch
 *                        with GET RESPONSE) instead of {@code 9000}
 */
public record CardLayout(RecordAddressing records, LeBehaviour le, SelectEf selectEf, boolean selectAidMoreData) {

    /** READ RECORD addressing. */
    public enum RecordAddressing {
        /** Only {@code 00 B2 n 04}: record n of the current EF, from 1; P2 {@code 00} answers {@code 6A86}. */
        BY_NUMBER,
        /** Only {@code 00 B2 tag 00}: record identifier; P2 {@code 04} answers {@code 6A86}. */
        BY_IDENTIFIER,
        /** Both. */
        BOTH
    }

    /** Le of READ RECORD. */
    public enum LeBehaviour {
        /** Only Le = the record's length (item + 2); any other Le answers {@code 6700}. */
        EXACT,
        /** Only Le = {@code 00}; any other Le answers {@code 6700}. */
        ZERO,
        /** {@code 00} or the exact length; any other Le answers {@code 6Cxx} with the record's length. */
        CORRECTING,
        /** Any Le answers {@code 61xx}; the record comes with GET RESPONSE {@code 00 C0 00 00 xx}. */
        CHAINED
    }

    /** SELECT by file id. */
    public enum SelectEf {
        /** Only P1 {@code 02}; P1 {@code 00} answers {@code 6A86}. */
        P1_02,
        /** Only P1 {@code 00}; P1 {@code 02} answers {@code 6A86}. */
        P1_00,
        /** Both. */
        BOTH
    }

    /** Checks the options. */
    public CardLayout {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(le, "le");
        Objects.requireNonNull(selectEf, "selectEf");
    }

    /** The most accommodating card: every form accepted, {@code 9000} on select. */
    public static CardLayout lenient() {
        return new CardLayout(RecordAddressing.BOTH, LeBehaviour.CORRECTING, SelectEf.BOTH, false);
    }

    /** Every combination of the options (72 layouts), in a fixed order. */
    public static List<CardLayout> all() {
        List<CardLayout> all = new ArrayList<>();
        for (RecordAddressing r : RecordAddressing.values()) {
            for (LeBehaviour l : LeBehaviour.values()) {
                for (SelectEf s : SelectEf.values()) {
                    for (boolean m : new boolean[] {false, true}) {
                        all.add(new CardLayout(r, l, s, m));
                    }
                }
            }
        }
        return all;
    }

    /** A copy with {@code records}. */
    public CardLayout withRecords(RecordAddressing value) {
        return new CardLayout(value, le, selectEf, selectAidMoreData);
    }

    /** A copy with {@code le}. */
    public CardLayout withLe(LeBehaviour value) {
        return new CardLayout(records, value, selectEf, selectAidMoreData);
    }

    /** A copy with {@code selectEf}. */
    public CardLayout withSelectEf(SelectEf value) {
        return new CardLayout(records, le, value, selectAidMoreData);
    }

    /** A copy with {@code selectAidMoreData}. */
    public CardLayout withSelectAidMoreData(boolean value) {
        return new CardLayout(records, le, selectEf, value);
    }
}
