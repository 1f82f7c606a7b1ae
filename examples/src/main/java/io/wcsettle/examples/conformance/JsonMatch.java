package io.wcsettle.examples.conformance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparison of the conformance README: every key present in {@code expected} is compared,
 * absent keys are not; objects recursively with the same subset rule; arrays element by element
 * in order, except arrays named {@code reasons} and {@code missing}, which compare as sets.
 */
final class JsonMatch {

    private static final Set<String> SET_ARRAYS = Set.of("reasons", "missing");

    private JsonMatch() {
    }

    /** The first difference as a path and values, or {@code null} when {@code actual} matches. */
    static String firstDifference(JsonNode expected, JsonNode actual) {
        return diff("$", null, expected, actual);
    }

    private static String diff(String path, String name, JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return path + ": expected " + expected + " got nothing";
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected " + expected + " got " + actual;
            }
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String d = diff(path + "." + e.getKey(), e.getKey(), e.getValue(), actual.get(e.getKey()));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return path + ": expected " + expected + " got " + actual;
            }
            if (name != null && SET_ARRAYS.contains(name)) {
                List<JsonNode> left = new ArrayList<>();
                actual.forEach(left::add);
                for (JsonNode e : expected) {
                    if (!removeMatching(left, e)) {
                        return path + ": expected " + expected + " (as a set) got " + actual;
                    }
                }
                return null;
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = diff(path + "[" + i + "]", null, expected.get(i), actual.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return sameNumber(expected, actual) ? null : path + ": expected " + expected + " got " + actual;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + " got " + actual;
    }

    /** Numerically equal; a non-finite double ({@code 1e999} reads as infinity) equals only itself. */
    private static boolean sameNumber(JsonNode a, JsonNode b) {
        if (!finite(a) || !finite(b)) {
            return a.isFloatingPointNumber() && b.isFloatingPointNumber() && a.doubleValue() == b.doubleValue();
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static boolean finite(JsonNode n) {
        return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
    }

    private static boolean removeMatching(List<JsonNode> pool, JsonNode wanted) {
        for (Iterator<JsonNode> it = pool.iterator(); it.hasNext(); ) {
            if (diff("$", null, wanted, it.next()) == null) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
