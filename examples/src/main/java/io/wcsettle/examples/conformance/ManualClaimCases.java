package io.wcsettle.examples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.upload.CostRecord;
import io.wcsettle.core.upload.ManualClaimCheck;

/** {@code manual.duplicate} (R-UPL-3). */
final class ManualClaimCases {

    private ManualClaimCases() {
    }

    static void register(Map<String, CaseHandler> kinds) {
        kinds.put("manual.duplicate", in -> {
            JsonNode arr = In.array(in, "settled");
            List<CostRecord> settled = new ArrayList<>(arr.size());
            for (int k = 0; k < arr.size(); k++) {
                JsonNode e = arr.get(k);
                if (!e.isObject()) {
                    throw In.invalid("settled[" + k + "]", "an object");
                }
                settled.add(record(e));
            }
            ManualClaimCheck.Finding f = ManualClaimCheck.check(settled, record(In.object(in, "claim")));
            ObjectNode out = Out.object().put("duplicate", f.duplicate());
            ArrayNode matches = out.putArray("matches");
            f.matches().forEach(matches::add);
            return out;
        });
    }

    private static CostRecord record(JsonNode n) {
        return new CostRecord(In.text(n, "worker"), In.text(n, "institution"), In.date(n, "admittedOn"),
                In.date(n, "dischargedOn"), In.textArray(n, "invoices", (field, text) -> text));
    }
}
