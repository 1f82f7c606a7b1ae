package io.wcsettle.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the {@code input} of one conformance case kind through the public API of {@code core}
 * and renders the result in the shape of the case's {@code expected}.
 *
 * <p>Bad input surfaces as a {@link io.wcsettle.core.error.WcsettleException}; the runner turns
 * it into {@code {"error": CODE}}.
 */
@FunctionalInterface
public interface CaseHandler {

    /** Runs one case input. */
    JsonNode run(JsonNode input);
}
