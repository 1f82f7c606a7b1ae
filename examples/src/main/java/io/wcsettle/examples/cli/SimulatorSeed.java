package io.wcsettle.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.testkit.platform.SimulatedPerson;

/** Persons for the {@code simulate} command, from {@code --person} specs and a {@code --seed} JSON file. */
final class SimulatorSeed {

    private static final Set<String> TYPES = Set.of("REFERRAL", "LONG_TERM_RESIDENCE", "RESIDENT_WORK");
    private static final Set<String> SCOPES = Set.of("MEDICAL", "REHAB", "DEVICE");

    private SimulatorSeed() {
    }

    static List<SimulatedPerson> persons(List<String> specs, Path seed) {
        List<SimulatedPerson> r = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            r.add(fromSpec(specs.get(i), "--person[" + i + "]"));
        }
        if (seed != null) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(Files.readAllBytes(seed));
            } catch (IOException e) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "--seed",
                        "cannot read " + seed + " as JSON (" + e.getClass().getSimpleName() + ")");
            }
            if (root == null || !root.isArray()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "--seed", seed + " is not a JSON array");
            }
            for (int i = 0; i < root.size(); i++) {
                JsonNode p = root.get(i);
                Map<String, String> m = new HashMap<>();
                p.fields().forEachRemaining(e -> {
                    if (e.getValue().isValueNode()) {
                        m.put(e.getKey(), e.getValue().asText());
                    }
                });
                List<SimulatedPerson.Filing> filings = new ArrayList<>();
                for (JsonNode f : p.path("filings")) {
                    filings.add(filing(f.path("type").asText(), f.path("scope").asText(), f.path("target").asText(),
                            f.path("filed_on").asText(), m.getOrDefault("insured", ""), "--seed[" + i + "].filings"));
                }
                r.add(person(m, filings, "--seed[" + i + "]"));
            }
        }
        return r;
    }

    private static SimulatedPerson fromSpec(String spec, String field) {
        Map<String, String> m = new HashMap<>();
        List<String[]> filingSpecs = new ArrayList<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "expected key=value, got '" + part + "'");
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            if ("filing".equals(k)) {
                filingSpecs.add(v.split(":", -1));
            } else {
                m.put(k, v);
            }
        }
        List<SimulatedPerson.Filing> filings = new ArrayList<>();
        for (String[] f : filingSpecs) {
            if (f.length != 4) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".filing", "TYPE:SCOPE:TARGET:yyyy-MM-dd");
            }
            filings.add(filing(f[0], f[1], f[2], f[3], m.getOrDefault("insured", ""), field + ".filing"));
        }
        return person(m, filings, field);
    }

    private static SimulatedPerson.Filing filing(String type, String scope, String target, String filedOn, String insured,
                                                 String field) {
        if (!TYPES.contains(type)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".type", "one of " + TYPES);
        }
        if (!SCOPES.contains(scope)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".scope", "one of " + SCOPES);
        }
        if (!target.matches("[0-9]{6}")) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".target", "six digits");
        }
        try {
            return new SimulatedPerson.Filing("FIL-" + target + "-" + filedOn, type, scope, insured, target,
                    LocalDate.parse(filedOn), null);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".filed_on", "yyyy-MM-dd");
        }
    }

    private static SimulatedPerson person(Map<String, String> m, List<SimulatedPerson.Filing> filings, String field) {
        for (String required : List.of("id", "name", "psn_no", "insured")) {
            if (m.getOrDefault(required, "").isEmpty()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + "." + required, "required");
            }
        }
        if (!m.get("insured").matches("[0-9]{6}")) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + ".insured", "six digits");
        }
        return new SimulatedPerson(m.get("id"), m.get("name"), m.getOrDefault("card", ""), m.getOrDefault("card_sn", ""),
                m.getOrDefault("ecard", ""), m.get("psn_no"), m.get("insured"), m.getOrDefault("psn_type", "11"), filings);
    }
}
