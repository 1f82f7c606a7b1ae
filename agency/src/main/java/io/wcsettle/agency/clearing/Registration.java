package io.wcsettle.agency.clearing;

import java.util.List;
import java.util.Map;

import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.Quarter;

/**
 * What registering records for clearing did (R-CLR-8): each record is cleared in exactly one period.
 *
 * @param registered     records registered now, each in its period
 * @param alreadyCleared ids registered before (by any file, statement or run), with the period that clears them
 * @param missYearBound  records registered now whose period is after Q1 of the year after their cost (reported)
 * @param movedLater     records whose own period was already generated: registered in the first open period
 */
public record Registration(List<DatedRecord> registered, Map<String, Quarter> alreadyCleared,
        List<DatedRecord> missYearBound, List<DatedRecord> movedLater) {

    /** Nothing registered. */
    public static final Registration NONE = new Registration(List.of(), Map.of(), List.of(), List.of());

    /** Copies the collections. */
    public Registration {
        registered = List.copyOf(registered);
        alreadyCleared = Map.copyOf(alreadyCleared);
        missYearBound = List.copyOf(missYearBound);
        movedLater = List.copyOf(movedLater);
    }
}
