package io.wcsettle.examples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.prepayment.AdjustmentNotice;
import io.wcsettle.core.prepayment.AnnualAdjustment;
import io.wcsettle.core.prepayment.EmergencyTopUp;
import io.wcsettle.core.prepayment.NoticeLine;
import io.wcsettle.core.prepayment.PrepaymentQuota;
import io.wcsettle.core.prepayment.QuotaChange;
import io.wcsettle.core.prepayment.TopUpDecision;
import io.wcsettle.core.prepayment.UsageLevel;
import io.wcsettle.core.prepayment.UsageRate;
import io.wcsettle.core.region.Admdvs;

/** {@code prepayment.*} kinds (R-PRE-2, -4, -5, -6). */
final class PrepaymentCases {

    private PrepaymentCases() {
    }

    static void register(Map<String, CaseHandler> kinds, WorkingDayCalendar calendar) {
        kinds.put("prepayment.quota", in -> Out.object().put("quotaFen",
                PrepaymentQuota.annual(In.textArray(in, "lastYearQuarters", Fen::parseYuan)).value()));
        kinds.put("prepayment.adjustment", PrepaymentCases::adjustment);
        kinds.put("prepayment.usage", in -> {
            UsageRate rate = UsageRate.of(In.yuan(in, "quarterClearing"), In.yuan(in, "quota"));
            return Out.object().put("ratePercent", rate.percentText()).put("level", rate.level().name());
        });
        EmergencyTopUp topUp = new EmergencyTopUp(calendar);
        kinds.put("prepayment.topUp", in -> {
            TopUpDecision d = topUp.check(level(In.text(in, "level")), In.date(in, "clearingSignedOn"),
                    In.date(in, "requestedOn"), In.integer(in, "requestsThisQuarter"),
                    In.yuan(in, "pendingMonthly"), In.yuan(in, "amount"));
            ObjectNode out = Out.object().put("allowed", d.allowed());
            out.set("reasons", Out.names(d.reasons()));
            return out.put("maxFen", d.maximum().value()).put("lastDay", Out.date(d.lastDay()));
        });
    }

    private static UsageLevel level(String text) {
        try {
            return UsageLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw In.invalid("level", "NONE, YELLOW or RED");
        }
    }

    private static JsonNode adjustment(JsonNode in) {
        int year = In.integer(in, "year");
        JsonNode arr = In.array(in, "pairs");
        List<QuotaChange> changes = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode p = arr.get(i);
            String path = "pairs[" + i + "].";
            if (!p.isObject()) {
                throw In.invalid("pairs[" + i + "]", "an object");
            }
            changes.add(new QuotaChange(Admdvs.parse(path + "insured", In.text(p, "insured")),
                    Admdvs.parse(path + "treatment", In.text(p, "treatment")),
                    Fen.parseYuan(path + "oldQuota", In.text(p, "oldQuota")),
                    Fen.parseYuan(path + "newQuota", In.text(p, "newQuota"))));
        }
        AnnualAdjustment adj = AnnualAdjustment.of(year, changes);
        ObjectNode out = Out.object().put("computeBy", Out.date(adj.computeBy())).put("payBy", Out.date(adj.payBy()));
        ArrayNode notices = out.putArray("notices");
        for (AdjustmentNotice n : adj.notices()) {
            ObjectNode o = notices.addObject().put("province", n.province().code()).put("kind", n.kind().name());
            ArrayNode lines = o.putArray("lines");
            for (NoticeLine l : n.lines()) {
                lines.addObject().put("counterpart", l.counterpartLabel()).put("amountFen", l.amount().value());
            }
        }
        return out;
    }
}
