package io.wcsettle.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.ReviewFlag;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.his.card.ElectronicCardToken;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.card.VendorCardString;
import io.wcsettle.his.session.AdmissionDetails;
import io.wcsettle.his.session.Credential;
import io.wcsettle.his.session.Diagnosis;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.DischargeDetails;
import io.wcsettle.his.session.FeeDetail;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.StepOutcome;
import io.wcsettle.his.session.Visit;

/**
 * The endpoints' work: request JSON to the session's types, one session call, the answer to JSON.
 * The session is not thread-safe (one workstation), so every call holds one lock; a step that waits
 * for the platform holds it too, as a counter's workstation would.
 */
final class Workflow {

    private static final String VISIT_ID = "[0-9A-Za-z_.-]{1,40}";

    private final HisSession session;
    private final Institution institution;
    private final CardSlot cardSlot;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Visit> visits = new HashMap<>();
    private final Map<String, Discharge> discharges = new HashMap<>();

    Workflow(HisSession session, Institution institution, CardSlot cardSlot, Clock clock) {
        this.session = session;
        this.institution = institution;
        this.cardSlot = cardSlot;
        this.clock = clock;
    }

    /** Runs {@code work} under the session lock. */
    <T> T locked(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- card and visit

    ObjectNode readCard(RequestFields in) {
        if (cardSlot == null) {
            throw new GatewayException(GatewayErrorCode.CARD_READER_NOT_CONFIGURED, "card.reader",
                    "no card reader is configured; send the card's fields (credential kind \"card\") or its vendor"
                            + " string (kind \"vendor_card\") instead");
        }
        return Responses.card(read(in));
    }

    private SocialSecurityCard read(RequestFields in) {
        String reader = in.optText("reader").filter(s -> !s.isEmpty()).orElse(null);
        int seconds = in.integer("timeout_seconds", 10, 1, 120);
        return cardSlot.withCard(reader, Duration.ofSeconds(seconds), session::readCard);
    }

    ObjectNode open(RequestFields in) {
        String visitId = visitId(in.text("visit_id"));
        Credential credential = credential(in.object("credential"));
        Visit v = session.open(visitId, credential).orElseThrow();
        visits.put(visitId, v);
        return Responses.visit(v);
    }

    private Credential credential(RequestFields c) {
        String kind = c.text("kind");
        switch (kind) {
            case "id_card":
                return Credential.idCard(c.text("id_number"), c.text("name"));
            case "ecard":
                ElectronicCardToken token = c.sdk("qr_token", () -> new ElectronicCardToken(c.text("qr_token")));
                return Credential.electronicCard(token, c.text("id_number"), c.text("name"));
            case "card": {
                SocialSecurityCard card = c.sdk("card", () -> SocialSecurityCard.builder()
                        .cardNumber(c.text("card_number"))
                        .identificationCode(c.text("card_sn"))
                        .socialSecurityNumber(c.text("id_number"))
                        .name(c.text("name"))
                        .specVersion(c.text("spec_version"))
                        .issueDate(c.date("issue_date"))
                        .expiryDate(c.date("expiry_date"))
                        .build(clock));
                return Credential.card(card);
            }
            case "vendor_card": {
                int rv = c.integer("return_value", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
                String out = c.text("output");
                return Credential.card(c.sdk("output", () -> VendorCardString.parse(rv, out, clock)));
            }
            case "reader":
                if (cardSlot == null) {
                    throw new GatewayException(GatewayErrorCode.CARD_READER_NOT_CONFIGURED, "card.reader",
                            "no card reader is configured; send another credential kind");
                }
                return Credential.card(read(c));
            default:
                throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, c.at("kind"),
                        "one of id_card, card, vendor_card, ecard, reader");
        }
    }

    private static String visitId(String id) {
        if (!id.matches(VISIT_ID)) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, "visit_id",
                    "1 to 40 letters, digits, '_', '.', '-'");
        }
        return id;
    }

    /** The visit {@code id}: opened by this process, or as the outbox remembers it. */
    private Visit visit(String id) {
        visitId(id);
        Visit v = visits.get(id);
        if (v == null) {
            v = session.visit(id).orElseThrow(() -> new GatewayException(GatewayErrorCode.UNKNOWN_VISIT, "visit_id",
                    "no visit with this id was opened (POST /visits)"));
            visits.put(id, v);
        }
        return v;
    }

    ObjectNode getVisit(String id) {
        return Responses.visit(visit(id));
    }

    // ---- steps

    ObjectNode admit(String id, RequestFields in) {
        Visit v = visit(id);
        List<Diagnosis> diagnoses = in.objects("diagnoses", 1, Workflow::diagnosis);
        AdmissionDetails d = in.sdk("diagnoses", () -> new AdmissionDetails(in.text("ipt_no"),
                in.dateTime("admitted_at"), in.text("attending_doctor_code"), in.text("chief_doctor_name"),
                in.text("admission_diagnosis"), in.text("department_code"), in.text("department_name"),
                in.text("bed"), in.text("main_diagnosis_code"), in.text("main_diagnosis_name"), diagnoses));
        StepOutcome<String> o = v.admit(d);
        ObjectNode n = step(o);
        n.put("mdtrt_id", o.orElseThrow());
        return n;
    }

    private static Diagnosis diagnosis(RequestFields g) {
        return g.sdk("type", () -> new Diagnosis(g.text("type"), g.bool("main", false), g.integer("order", 1, 1, 999),
                g.text("code"), g.text("name"), g.text("department"), g.text("doctor_code"), g.text("doctor_name"),
                g.dateTime("time")));
    }

    ObjectNode uploadFees(String id, RequestFields in) {
        Visit v = visit(id);
        List<FeeDetail> fees = in.objects("fees", 1, f -> {
            BillLine line = line(f);
            LocalDateTime at = f.optDateTime("occurred_at").orElse(line.serviceDate().atStartOfDay());
            return f.sdk("institution_code", () -> new FeeDetail(line, f.text("institution_code"), at,
                    f.text("department_code"), f.text("department_name"), f.text("doctor_code"), f.text("doctor_name")));
        });
        StepOutcome<Integer> o = v.uploadFees(fees);
        ObjectNode n = step(o);
        n.put("sent", o.orElseThrow());
        return n;
    }

    ObjectNode cancelFees(String id, RequestFields in) {
        Visit v = visit(id);
        List<String> sns = in.texts("feedetl_sns", 1);
        StepOutcome<Integer> o = v.cancelFees(sns);
        ObjectNode n = step(o);
        n.put("cancelled", o.orElseThrow());
        return n;
    }

    ObjectNode discharge(String id, RequestFields in) {
        Visit v = visit(id);
        List<Diagnosis> diagnoses = in.objects("diagnoses", 1, Workflow::diagnosis);
        DischargeDetails d = in.sdk("diagnoses", () -> new DischargeDetails(in.dateTime("discharged_at"),
                in.text("department_code"), in.text("department_name"), in.text("way"), diagnoses));
        return step(v.discharge(d).map(x -> Boolean.TRUE));
    }

    ObjectNode settle(String id, RequestFields in) {
        Visit v = visit(id);
        StayKind kind = in.sdk("stay_kind", () -> StayKind.parse("stay_kind", in.optText("stay_kind")
                .orElse(StayKind.INPATIENT_MEDICAL.name())));
        LocalDate admitted = in.date("admitted_on");
        LocalDate discharged = in.date("discharged_on");
        Stay stay = in.sdk("discharged_on", () -> new Stay(kind, admitted, discharged,
                in.bool("rehab_plan_uploaded", false), in.bool("device_approval_notice", false)));
        WorkerStatus worker = in.optObject("worker").map(w -> new WorkerStatus(w.bool("suspended", false),
                w.bool("third_party_liability", false))).orElse(WorkerStatus.GOOD_STANDING);
        List<BillLine> lines = in.objects("lines", 1, Workflow::line);
        Bill bill = in.sdk("lines", () -> new Bill(v.filing(admitted, institution.admdvs()), worker, institution,
                stay, lines));
        Discharge d = v.settle(bill).orElseThrow();
        discharges.put(id, d);
        return Responses.discharge(id, d);
    }

    private static BillLine line(RequestFields l) {
        String lineId = l.text("id");
        LineCategory category = l.sdk("category", () -> LineCategory.parse("category", l.text("category")));
        UnitPrice price = l.sdk("price", () -> UnitPrice.parse("price", l.decimal("price")));
        Quantity quantity = l.sdk("quantity", () -> Quantity.parse("quantity", l.decimal("quantity")));
        Fen amount = l.optDecimal("amount").map(a -> l.sdk("amount", () -> Fen.parseSignedYuan("amount", a)))
                .orElse(null);
        LinkedHashSet<ReviewFlag> flags = new LinkedHashSet<>();
        for (String f : l.optTexts("flags")) {
            flags.add(l.sdk("flags", () -> ReviewFlag.parse("flags", f)));
        }
        String returnOf = l.optText("return_of").filter(s -> !s.isEmpty()).orElse(null);
        LocalDate day = l.date("service_date");
        return l.sdk("", () -> BillLine.of(lineId, l.text("code"), category, day, price, quantity, amount, flags,
                returnOf));
    }

    ObjectNode cancelSettlement(String id) {
        Visit v = visit(id);
        var o = v.cancelSettlement();
        ObjectNode n = step(o);
        n.set("settlement", Responses.settlement(o.orElseThrow()));
        discharges.remove(id);
        return n;
    }

    ObjectNode statement(String id) {
        visit(id);
        Discharge d = Optional.ofNullable(discharges.get(id)).orElseThrow(() -> new GatewayException(
                GatewayErrorCode.STATEMENT_NOT_AVAILABLE, "visit_id",
                "no settlement of this visit was answered since the gateway started; POST the settlement again"
                        + " (it returns the stored one, nothing is sent twice)"));
        return Responses.statement(id, d.statement());
    }

    ObjectNode resume() {
        ObjectNode n = Responses.object();
        n.put("unfinished", session.resume());
        return n;
    }

    ObjectNode reconcile(RequestFields in) {
        LocalDate from = in.date("from");
        LocalDate to = in.optText("to").isPresent() ? in.date("to") : from;
        if (to.isBefore(from)) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, "to", "before from");
        }
        return Responses.report(session.reconcile(from, to));
    }

    /** The {@code msgid} of an answered step; a step that was not answered throws its typed error. */
    private static ObjectNode step(StepOutcome<?> o) {
        o.orElseThrow();
        ObjectNode n = Responses.object();
        n.put("msgid", o.msgid());
        return n;
    }
}
