package io.wcsettle.examples.conformance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.filing.FilingValidity;
import io.wcsettle.core.followup.FollowUpClaim;
import io.wcsettle.core.followup.FollowUpClaims;
import io.wcsettle.core.local.LocalApproval;
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
import io.wcsettle.core.settlement.RoutedSettlement;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.settlement.StatementHeader;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.core.settlement.WorkerStatus;

/**
 * {@code settlement.settle} (R-SET-*, R-FIL-6/8/9/11, R-LOC-1, R-AUTO-1, R-SET-10). The case's
 * filing has no scope; it is read from an optional {@code scope} field, else taken from the stay
 * (a device stay, a device filing; otherwise medical).
 *
 * <p>The top-level fields are the verdict on the bill's own basis (for a cross-province bill, the
 * cross-province verdict); {@code route}, {@code settled}, {@code followUp} and {@code statement}
 * are the project's additions, documented in the repository's {@code conformance/README.md}.
 */
final class SettlementCases {

    private SettlementCases() {
    }

    static void register(Map<String, CaseHandler> kinds, RegionalPolicies policies) {
        kinds.put("settlement.settle", in -> {
            RegionalPolicy policy = policies.get(In.text(in, "policy"));
            String meal = In.optionalText(in, "mealAllowancePerDay");
            if (meal != null) {
                policy = policy.toBuilder().mealAllowancePerDay(Fen.parseYuan("mealAllowancePerDay", meal)).build();
            }
            JsonNode s = In.object(in, "stay");
            Stay stay = new Stay(StayKind.parse("stay.kind", In.text(s, "kind")),
                    In.date(s, "admittedOn"), In.date(s, "dischargedOn"),
                    In.bool(s, "rehabPlanUploaded"), In.bool(s, "deviceApprovalNotice"));
            Optional<Filing> filing = filing(In.nullableObject(in, "filing"), policy, stay.kind());
            JsonNode w = In.object(in, "worker");
            WorkerStatus worker = new WorkerStatus(In.bool(w, "suspended"), In.bool(w, "thirdPartyLiability"));
            JsonNode i = In.object(in, "institution");
            Institution institution = Institution.builder(In.text(i, "code"),
                    Admdvs.parse("institution.admdvs", In.text(i, "admdvs")))
                    .crossProvince(In.bool(i, "crossProvinceEnabled"))
                    .localNetworked(i.has("localNetworked") && In.bool(i, "localNetworked"))
                    .suspended(In.bool(i, "suspended")).build();
            JsonNode c = In.object(in, "catalogues");
            Catalogue treatment = catalogue(In.object(c, "treatment"), "maxPrice", "catalogues.treatment");
            Catalogue devices = catalogue(In.object(c, "insuredDevices"), "cap", "catalogues.insuredDevices");
            List<BillLine> lines = lines(In.array(in, "lines"));
            JsonNode local = in.has("localApproval") ? In.nullableObject(in, "localApproval") : null;
            Bill bill;
            if (local != null) {
                if (filing.isPresent()) {
                    throw In.invalid("localApproval", "absent when there is a filing");
                }
                bill = Bill.localNetworked(localApproval(local, stay.kind()), worker, institution, stay, lines);
            } else {
                bill = new Bill(filing, worker, institution, stay, lines);
            }
            // The case's treatment catalogue is the catalogue of the place of treatment; for the home-place
            // route (R-FIL-11) and local bills (R-LOC-1) that place is the insured place, so both engines share it.
            SettlementEngine engine = new SettlementEngine(policy, treatment, devices);
            RoutedSettlement routed = new SettlementRouter(engine, engine).settle(bill);
            Admdvs insured = insured(in, bill);
            ObjectNode out = render(routed.verdict());
            out.put("route", routed.route().name());
            ObjectNode settled = render(routed.result());
            settled.put("basis", routed.bill().basis().name());
            out.set("settled", settled);
            ArrayNode followUp = out.putArray("followUp");
            for (FollowUpClaim claim : FollowUpClaims.derive("CASE", "WORKER", insured, routed, policy)) {
                ObjectNode o = followUp.addObject().put("kind", claim.kind().name())
                        .put("inpatientDays", claim.inpatientDays()).put("billedFen", claim.billedAmount().value());
                if (claim.computedAmount().isPresent()) {
                    o.put("amountFen", claim.computedAmount().get().value());
                } else {
                    o.putNull("amountFen");
                }
            }
            WorkerStatement statement = WorkerStatement.of(routed, StatementHeader.NONE);
            SortedSet<String> cited = new TreeSet<>();
            statement.lines().forEach(l -> l.citations().forEach(x -> cited.add(x.ref())));
            ObjectNode st = out.putObject("statement").put("workerPaysFen", statement.workerPays().value());
            ArrayNode citations = st.putArray("citations");
            cited.forEach(citations::add);
            return out;
        });
    }

    private static Admdvs insured(JsonNode in, Bill bill) {
        String given = In.optionalText(in, "insuredAdmdvs");
        if (given != null) {
            return Admdvs.parse("insuredAdmdvs", given);
        }
        if (bill.filing().isPresent()) {
            return bill.filing().get().insuredAdmdvs();
        }
        if (bill.localApproval().isPresent()) {
            return bill.localApproval().get().insuredCity();
        }
        return bill.institution().admdvs();
    }

    private static LocalApproval localApproval(JsonNode a, StayKind kind) {
        String scopeText = In.optionalText(a, "scope");
        FilingScope scope = scopeText != null ? FilingScope.parse("localApproval.scope", scopeText)
                : kind == StayKind.INPATIENT_REHAB ? FilingScope.REHAB : FilingScope.MEDICAL;
        return new LocalApproval(In.text(a, "applicationId"),
                Admdvs.parse("localApproval.insuredCity", In.text(a, "insuredCity")), scope,
                new FilingValidity(In.date(a, "validFrom"), In.date(a, "validThrough")));
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
