package io.wcsettle.examples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingSchedule;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.Payment;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.clearing.Transfer;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * {@code clearing.*} kinds (R-CLR-2..6). {@code clearing.table} gives {@code payments}, the
 * bilateral payment instruction (IM Art. 41), and {@code transfers}, the netted plan of the shared
 * case format, which is an analysis only.
 */
final class ClearingCases {

    private ClearingCases() {
    }

    static void register(Map<String, CaseHandler> kinds) {
        kinds.put("clearing.schedule", in -> {
            ClearingSchedule s = Quarter.of(In.integer(in, "year"), In.integer(in, "quarter")).schedule();
            return Out.object().put("generatedOn", Out.date(s.generatedOn())).put("confirmBy", Out.date(s.confirmBy()))
                    .put("noticesBy", Out.date(s.noticesBy())).put("paymentDue", Out.date(s.paymentDue()))
                    .put("latestPayment", Out.date(s.latestPayment()));
        });
        kinds.put("clearing.period", in -> {
            Quarter q = Quarter.containing(In.date(in, "confirmedOn"));
            return Out.object().put("year", q.year()).put("quarter", q.quarter());
        });
        kinds.put("clearing.table", ClearingCases::table);
    }

    private static JsonNode table(JsonNode in) {
        JsonNode arr = In.array(in, "records");
        List<ClearingRecord> records = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode r = arr.get(i);
            String path = "records[" + i + "].";
            if (!r.isObject()) {
                throw In.invalid("records[" + i + "]", "an object");
            }
            records.add(ClearingRecord.of(Admdvs.parse(path + "insured", In.text(r, "insured")),
                    Admdvs.parse(path + "treatment", In.text(r, "treatment")),
                    Fen.parseYuan(path + "fundPaid", In.text(r, "fundPaid")),
                    Fen.parseYuan(path + "deduction", In.text(r, "deduction"))));
        }
        ClearingTables tables = ClearingTables.of(records);
        ObjectNode out = Out.object();
        ArrayNode pairs = out.putArray("pairs");
        for (PairTotal p : tables.nationalTable()) {
            pairs.addObject().put("insured", p.pair().insured().code()).put("treatment", p.pair().treatment().code())
                    .put("fundPaidFen", p.fundPaid().value()).put("deductionFen", p.deductions().value())
                    .put("payableFen", p.payable().value());
        }
        out.put("totalPayableFen", tables.totalPayable().value());
        ArrayNode net = out.putArray("net");
        tables.netPositions().forEach((province, fen) ->
                net.addObject().put("province", province.code()).put("netFen", fen.value()));
        ArrayNode payments = out.putArray("payments");
        for (Payment p : tables.payments()) {
            payments.addObject().put("from", p.from().code()).put("to", p.to().code())
                    .put("amountFen", p.amount().value());
        }
        // "transfers" is the netted plan of the shared case format: an analysis, not the payment instruction
        ArrayNode transfers = out.putArray("transfers");
        for (Transfer t : tables.nettingAnalysis()) {
            transfers.addObject().put("from", t.from().code()).put("to", t.to().code())
                    .put("amountFen", t.amount().value());
        }
        return out;
    }
}
