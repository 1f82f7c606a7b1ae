package io.wcsettle.examples.conformance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.LineResult;
import io.wcsettle.core.settlement.ReviewFlag;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;

/**
 * {@code settlement.settle} (R-SET-*, R-FIL-6/8/9/11). The case's filing has no scope; it is
 * read from an optional {@code scope} field, else taken from the stay (a device stay, a device
 * filing; otherwise medical).
 */
final class SettlementCases {

    private SettlementCases() {
    }

    static void register(Map<String, CaseHandler> kinds, RegionalPolicies policies) {
        kinds.put("settlement.settle", in -> {
            RegionalPolicy policy = policies.get(In.text(in, "policy"));
            JsonNode s = In.object(in, "stay");
            Stay stay = new Stay(StayKind.parse("stay.kind", In.text(s, "kind")),
                    In.date(s, "admittedOn"), In.date(s, "dischargedOn"),
                    In.bool(s, "rehabPlanUploaded"), In.bool(s, "deviceApprovalNotice"));
            Optional<Filing> filing = filing(In.nullableObject(in, "filing"), policy, stay.kind());
            JsonNode w = In.object(in, "worker");
            WorkerStatus worker = new WorkerStatus(In.bool(w, "suspended"), In.bool(w, "thirdPartyLiability"));
            JsonNode i = In.object(in, "institution");
            Institution institution = new Institution(In.text(i, "code"),
                    Admdvs.parse("institution.admdvs", In.text(i, "admdvs")),
                    In.bool(i, "crossProvinceEnabled"), In.bool(i, "suspended"));
            JsonNode c = In.object(in, "catalogues");
            Catalogue treatment = catalogue(In.object(c, "treatment"), "maxPrice", "catalogues.treatment");
            Catalogue devices = catalogue(In.object(c, "insuredDevices"), "cap", "catalogues.insuredDevices");
            Bill bill = new Bill(filing, worker, institution, stay, lines(In.array(in, "lines")));
            SettlementResult r = new SettlementEngine(policy, treatment, devices).settle(bill);
            return render(r);
        });
    }

    private static Optional<Filing> filing(JsonNode f, RegionalPolicy policy, StayKind kind) {
        if (f == null) {
            return Optional.empty();
        }
        FilingType type = FilingType.parse("filing.type", In.text(f, "type"));
        String scopeText = In.optionalText(f, "scope");
        FilingScope scope = scopeText != null ? FilingScope.parse("filing.scope", scopeText)
                : kind == StayKind.DEVICE ? FilingScope.DEVICE
                : kind == StayKind.INPATIENT_REHAB ? FilingScope.REHAB : FilingScope.MEDICAL;
        Filing filing = Filing.of(policy, type, scope,
                Admdvs.parse("filing.insuredAdmdvs", In.text(f, "insuredAdmdvs")),
                Admdvs.parse("filing.targetCity", In.text(f, "targetCity")),
                In.date(f, "filedOn"));
        LocalDate ended = In.optionalDate(f, "endedOn");
        return Optional.of(ended == null ? filing : filing.endedOn(ended));
    }

    private static Catalogue catalogue(JsonNode entries, String limitField, String path) {
        Catalogue.Builder b = Catalogue.builder();
        Iterator<Map.Entry<String, JsonNode>> it = entries.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            JsonNode versions = e.getValue();
            if (!versions.isArray()) {
                throw In.invalid(at, "an array of versions");
            }
            for (JsonNode v : versions) {
                if (!v.isObject()) {
                    throw In.invalid(at, "an array of version objects");
                }
                String limit = In.optionalText(v, limitField);
                b.add(e.getKey(), In.date(v, "from"), In.optionalDate(v, "until"),
                        limit == null ? null : UnitPrice.parse(at + "." + limitField, limit));
            }
        }
        return b.build();
    }

    private static List<BillLine> lines(JsonNode arr) {
        List<BillLine> lines = new ArrayList<>(arr.size());
        for (int k = 0; k < arr.size(); k++) {
            JsonNode l = arr.get(k);
            String at = "lines[" + k + "]";
            if (!l.isObject()) {
                throw In.invalid(at, "an object");
            }
            EnumSet<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
            if (l.has("flags")) {
                flags.addAll(In.textArray(l, "flags", ReviewFlag::parse));
            }
            String amount = In.optionalText(l, "amount");
            lines.add(BillLine.of(In.text(l, "id"), In.text(l, "code"),
                    LineCategory.parse(at + ".category", In.text(l, "category")),
                    In.date(l, "serviceDate"),
                    UnitPrice.parse(at + ".price", In.text(l, "price")),
                    Quantity.parse(at + ".quantity", In.text(l, "quantity")),
                    amount == null ? null : Fen.parseSignedYuan(at + ".amount", amount),
                    flags, In.optionalText(l, "returnOf")));
        }
        return lines;
    }

    private static ObjectNode render(SettlementResult r) {
        ObjectNode out = Out.object().put("directSettlement", r.directSettlement());
        out.set("reasons", Out.names(r.reasons()));
        out.put("totalFen", r.total().value()).put("fundPaidFen", r.fundPaid().value())
                .put("deductedFen", r.deducted().value()).put("outsideFen", r.outside().value());
        ArrayNode lines = out.putArray("lines");
        for (LineResult l : r.lines()) {
            ObjectNode o = lines.addObject().put("id", l.id()).put("paidFen", l.paid().value())
                    .put("deductedFen", l.deducted().value()).put("outsideFen", l.outside().value());
            if (l.reason().isPresent()) {
                o.put("reason", l.reason().get().name());
            } else {
                o.putNull("reason");
            }
        }
        return out;
    }
}
