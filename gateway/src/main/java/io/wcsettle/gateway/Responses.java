package io.wcsettle.gateway;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.rule.WorkerReason;
import io.wcsettle.core.settlement.LineResult;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.reconciliation.DetailResult;
import io.wcsettle.his.reconciliation.ReconciliationReport;
import io.wcsettle.his.reconciliation.TotalsResult;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.Person;
import io.wcsettle.his.session.SettlementInfo;
import io.wcsettle.his.session.Visit;

/**
 * The JSON of the SDK's answers, in the shapes of the OpenAPI document: snake_case names (the
 * national interface's, where it has one: {@code setl_id}, {@code mdtrt_id}, {@code psn_no}),
 * amounts as decimal strings in yuan ({@code "123.45"}, never a float), dates ISO.
 */
final class Responses {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Responses() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static void put(ObjectNode n, String k, Optional<?> v) {
        if (v.isPresent()) {
            n.put(k, v.get().toString());
        } else {
            n.putNull(k);
        }
    }

    private static String yuan(Fen f) {
        return f.toYuanString();
    }

    static ObjectNode card(SocialSecurityCard c) {
        ObjectNode n = object();
        n.put("kind", "card");
        n.put("card_number", c.cardNumber());
        n.put("card_sn", c.identificationCode());
        n.put("id_number", c.socialSecurityNumber());
        n.put("name", c.name());
        n.put("spec_version", c.specVersion());
        n.put("issue_date", c.issueDate().toString());
        n.put("expiry_date", c.expiryDate().toString());
        n.put("issuing_admdvs", c.issuingAdmdvs().code());
        return n;
    }

    static ObjectNode visit(Visit v) {
        Person p = v.person();
        ObjectNode n = object();
        n.put("visit_id", v.id());
        n.put("psn_no", p.psnNo());
        n.put("insured_place", p.insuredPlace().code());
        n.put("psn_type", p.psnType());
        ObjectNode person = n.putObject("person");
        person.put("name", p.name());
        person.put("cert_type", p.certType());
        person.put("cert_no", p.certNo());
        person.put("gender", p.gender());
        put(person, "birth_date", p.birthDate());
        ArrayNode filings = n.putArray("filings");
        for (Filing f : p.filings()) {
            ObjectNode o = filings.addObject();
            o.put("type", f.type().name());
            o.put("scope", f.scope().name());
            o.put("insured_place", f.insuredAdmdvs().code());
            o.put("target", f.targetCity().code());
            o.put("filed_on", f.filedOn().toString());
            o.put("valid_through", f.validity().validThrough().toString());
            put(o, "ended_on", f.endedOn());
        }
        put(n, "mdtrt_id", v.mdtrtId());
        put(n, "live_setl_id", v.liveSettlement());
        return n;
    }

    static ObjectNode settlement(SettlementInfo s) {
        ObjectNode n = object();
        n.put("setl_id", s.setlId());
        n.put("mdtrt_id", s.mdtrtId());
        put(n, "setl_time", s.setlTime());
        n.put("medfee_sumamt", yuan(s.medfeeSumamt()));
        n.put("fund_pay_sumamt", yuan(s.fundPaySumamt()));
        n.put("psn_cash_pay", yuan(s.psnCashPay()));
        n.put("acct_pay", yuan(s.acctPay()));
        n.put("clr_optins", s.clrOptins());
        return n;
    }

    private static ObjectNode reason(WorkerReason r) {
        ObjectNode n = object();
        n.put("code", r.name());
        n.put("rule", r.rule());
        n.put("text", r.chinese());
        return n;
    }

    static ObjectNode discharge(String visitId, Discharge d) {
        SettlementResult r = d.result();
        ObjectNode n = object();
        n.put("visit_id", visitId);
        n.put("route", d.route().name());
        n.put("direct_settlement", r.directSettlement());
        put(n, "setl_id", d.setlId());
        if (d.settlement().isPresent()) {
            n.set("settlement", settlement(d.settlement().get()));
        } else {
            n.putNull("settlement");
        }
        ObjectNode totals = n.putObject("totals");
        totals.put("total", yuan(r.total()));
        totals.put("fund_paid", yuan(r.fundPaid()));
        totals.put("deducted", yuan(r.deducted()));
        totals.put("outside", yuan(r.outside()));
        totals.put("worker_pays", yuan(d.statement().workerPays()));
        ArrayNode reasons = n.putArray("reasons");
        r.reasons().forEach(x -> reasons.add(reason(x)));
        ArrayNode lines = n.putArray("lines");
        for (LineResult l : r.lines()) {
            ObjectNode o = lines.addObject();
            o.put("id", l.id());
            o.put("paid", yuan(l.paid()));
            o.put("deducted", yuan(l.deducted()));
            o.put("outside", yuan(l.outside()));
            if (l.reason().isPresent()) {
                o.set("reason", reason(l.reason().get()));
            } else {
                o.putNull("reason");
            }
        }
        ArrayNode follow = n.putArray("follow_ups");
        for (WorkOrder w : d.followUps()) {
            ObjectNode o = follow.addObject();
            o.put("id", w.id());
            o.put("kind", w.kind().name());
            o.put("rule", w.kind().rule());
            o.put("state", w.state().name());
        }
        put(n, "upload_due", d.uploadDue());
        n.put("upload_deadline_known", d.deadline().map(x -> x.isKnown()).orElse(false));
        ArrayNode diff = n.putArray("platform_differences");
        d.platformDifferences().forEach(diff::add);
        n.set("statement", statement(visitId, d.statement()));
        return n;
    }

    static ObjectNode statement(String visitId, WorkerStatement s) {
        ObjectNode n = object();
        n.put("visit_id", visitId);
        n.put("direct_settlement", s.directSettlement());
        n.put("worker_pays", yuan(s.workerPays()));
        n.put("text", s.toChineseText());
        n.put("html", s.toHtml());
        return n;
    }

    static ObjectNode report(ReconciliationReport r) {
        ObjectNode n = object();
        n.put("from", r.from().toString());
        n.put("to", r.to().toString());
        n.put("consistent", r.consistent());
        ArrayNode totals = n.putArray("totals");
        for (TotalsResult t : r.totals()) {
            ObjectNode o = totals.addObject();
            o.put("setl_optins", t.setlOptins());
            o.put("count", t.count());
            o.put("medfee_sumamt", yuan(t.medfee()));
            o.put("fund_pay_sumamt", yuan(t.fund()));
            o.put("acct_pay", yuan(t.acctPay()));
            o.put("balanced", t.balanced());
            o.put("description", t.description());
        }
        ArrayNode details = n.putArray("details");
        for (DetailResult d : r.details()) {
            ObjectNode o = details.addObject();
            o.put("psn_no", d.psnNo());
            o.put("mdtrt_id", d.mdtrtId());
            o.put("setl_id", d.setlId());
            o.put("msgid", d.msgid());
            o.put("stmt_rslt", d.stmtRslt());
            o.put("refd_setl_flag", d.refund());
            o.put("memo", d.memo());
        }
        return n;
    }

    static ObjectNode day(LocalDate d) {
        ObjectNode n = object();
        n.put("date", d.toString());
        return n;
    }
}
