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
 */
public record Registration(List<DatedRecord> registered, Map<String, Quarter> alreadyCleared,
        List<DatedRecord> missYearBound) {

    /** Copies the collections. */
    public Registration {
        registered = List.copyOf(registered);
        alreadyCleared = Map.copyOf(alreadyCleared);
        missYearBound = List.copyOf(missYearBound);
    }
}
