package io.wcsettle.his.session;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.card.SocialSecurityCardReader;
import io.wcsettle.his.outbox.NewMessage;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxEntry;
import io.wcsettle.his.outbox.OutboxRelay;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Transaction;
import io.wcsettle.his.platform.TransactionProfile;
import io.wcsettle.his.reconciliation.Reconciler;
import io.wcsettle.his.reconciliation.ReconciliationReport;

/**
 * The hospital's discharge flow in one facade: read the card → person and filing query (1101) →
 * admission (2401) → fee upload (2301) → pre-settlement (2303) → settlement (core adjudication,
 * then 2304) → the worker's statement → the upload deadline; cancellation (2305); and the daily
 * reconciliation (3201/3202).
 *
 * <p>Every platform step goes through the durable {@link Outbox} under a business key
 * {@code <step>:<visitId>}: written before it is sent, sent with the same msgid on every retry, an
 * unknown outcome resolved by query or 2601 reversal (R-UPL-4). Running a step again — after a
 * crash, or simply twice — returns the stored answer of a DONE entry without sending anything.
 * One session per outbox; not thread-safe (the HIS serialises one workstation's calls).
 */
public final class HisSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HisSession.class);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final PlatformClient client;
    private final RequestHeader header;
    private final TransactionProfile profile;
    private final SettlementEngine engine;
    private final SocialSecurityCardReader cardReader;
    private final UploadDeadlines deadlines;
    private final Clock clock;
    private final int maxRounds;

    private HisSession(Builder b) {
        this.outbox = Objects.requireNonNull(b.outbox, "outbox");
        this.client = Objects.requireNonNull(b.client, "client");
        this.header = Objects.requireNonNull(b.header, "header");
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.deadlines = Objects.requireNonNull(b.deadlines, "deadlines");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.cardReader = b.cardReader != null ? b.cardReader : SocialSecurityCardReader.withoutPsam(b.clock);
        this.maxRounds = b.maxRounds;
        this.profile = client.codec().profile();
        this.relay = new OutboxRelay(outbox, client, header);
    }

    /** A builder; every part is required except the card reader (default: no PSAM) and the rounds (default 5). */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads and validates the social security card on {@code channel} (R-SET-11). */
    public SocialSecurityCard readCard(ApduChannel channel) {
        return cardReader.read(channel);
    }

    /**
     * Finishes what an earlier (crashed) run left in the outbox: pending entries are sent under
     * their stored msgids, unknown ones resolved by 2601. Returns how many are still unfinished.
     */
    public int resume() {
        return relay.runOnce();
    }

    /**
     * 1101: the platform's person number for the card holder.
     *
     * @param certNo the social security number read from the card (sent, never logged)
     */
    public String queryPerson(String visitId, String insuredAdmdvs, String certNo) {
        ObjectNode in = CanonicalJson.mapper().createObjectNode().put("mdtrt_cert_type", "03")
                .put("mdtrt_cert_no", certNo).put("psn_cert_type", "01");
        return text(step("person:" + visitId, Transaction.PERSON_QUERY, insuredAdmdvs, in, null, null, null),
                "baseinfo", "psn_no", "person:" + visitId);
    }

    /** 2401: registers the admission (the platform checks the filing again, R-SET-11); returns {@code mdtrt_id}. */
    public String admit(String visitId, String insuredAdmdvs, String psnNo, Bill bill) {
        ObjectNode in = CanonicalJson.mapper().createObjectNode().put("psn_no", psnNo).put("insutype", "410")
                .put("begntime", bill.stay().admittedOn() + " 00:00:00")
                .put("fixmedins_code", bill.institution().code());
        return text(step("admission:" + visitId, Transaction.ADMISSION, insuredAdmdvs, in, null, null, null),
                "result", "mdtrt_id", "admission:" + visitId);
    }

    /** 2301: uploads the fee details of {@code bill}, returns included (R-SET-12). */
    public void uploadFees(String visitId, String insuredAdmdvs, String psnNo, String mdtrtId, Bill bill) {
        ObjectNode in = CanonicalJson.mapper().createObjectNode().put("psn_no", psnNo).put("mdtrt_id", mdtrtId);
        ArrayNode lines = in.putArray("feedetail");
        for (BillLine l : bill.lines()) {
            ObjectNode o = lines.addObject().put("feedetl_sn", l.id()).put("med_list_codg", l.code())
                    .put("pric", l.price().toString()).put("cnt", l.quantity().toString())
                    .put("det_item_fee_sumamt", l.amount().toYuanString())
                    .put("fee_ocur_time", l.serviceDate() + " 00:00:00");
            l.returnOf().ifPresent(r -> o.put("init_feedetl_sn", r));
        }
        step("fees:" + visitId, Transaction.FEE_UPLOAD, insuredAdmdvs, in, null, null, null);
    }

    /**
     * Discharge settlement: core adjudicates the bill; when it can be settled directly the
     * pre-settlement (2303) and the settlement (2304) carry core's totals to the platform. The
     * result comes with the worker's statement and the upload deadline (R-UPL-1).
     */
    public Discharge settle(String visitId, String insuredAdmdvs, String psnNo, String mdtrtId, Bill bill) {
        SettlementResult result = engine.settle(bill);
        WorkerStatement statement = WorkerStatement.of(bill, result);
        LocalDate today = LocalDate.now(clock);
        if (!result.directSettlement()) {
            LOG.debug("not settled directly, nothing sent [visit step=settlement:{}]", visitId);
            return new Discharge(result, statement, Optional.empty(), deadlines.dischargeUploadDue(today));
        }
        ObjectNode in = CanonicalJson.mapper().createObjectNode().put("psn_no", psnNo).put("mdtrt_id", mdtrtId)
                .put("mdtrt_cert_type", "03").put("insutype", "410")
                .put("medfee_sumamt", result.total().toYuanString())
                .put("fund_pay_sumamt", result.fundPaid().toYuanString());
        step("presettle:" + visitId, Transaction.PRE_SETTLEMENT, insuredAdmdvs, in.deepCopy(), null, null, null);
        JsonNode out = step("settlement:" + visitId, Transaction.SETTLEMENT, insuredAdmdvs, in, today,
                result.total(), result.fundPaid());
        String setlId = text(out, "setlinfo", "setl_id", "settlement:" + visitId);
        return new Discharge(result, statement, Optional.of(setlId), deadlines.dischargeUploadDue(today));
    }

    /** 2305: cancels the settlement {@code setlId} of this visit. */
    public void cancel(String visitId, String insuredAdmdvs, String psnNo, String setlId) {
        ObjectNode in = CanonicalJson.mapper().createObjectNode().put("psn_no", psnNo).put("setl_id", setlId);
        step("cancel:" + visitId, Transaction.SETTLEMENT_CANCELLATION, insuredAdmdvs, in, null, null, null);
    }

    /** 3201/3202: compares the outbox's settlements of {@code day} with the platform's. */
    public ReconciliationReport reconcile(LocalDate day) {
        return new Reconciler(client, outbox.msgids(), header)
                .reconcile(day, Reconciler.fromOutbox(outbox, day, profile.infno(Transaction.SETTLEMENT)));
    }

    /** Discharge uploads due by R-UPL-1 and not done on {@code today}. */
    public List<OutboxEntry> uploadsOverdue(LocalDate today) {
        return outbox.uploadsOverdue(today);
    }

    /**
     * One idempotent, resumable step: the entry under {@code key} is enqueued once and driven to a
     * final state; a DONE entry's stored output is returned without sending.
     */
    private JsonNode step(String key, Transaction t, String insured, ObjectNode input, LocalDate settledOn,
                          Fen medfee, Fen fund) {
        OutboxEntry e = outbox.enqueue(new NewMessage(key, profile.infno(t), insured, input, settledOn, medfee, fund));
        for (int round = 0; round <= maxRounds; round++) {
            switch (e.state()) {
                case DONE:
                    return parse(e.responseJson(), key);
                case FAILED:
                    throw new HisSessionException(SessionErrorCode.STEP_REFUSED, key,
                            "platform refused " + e.infno() + " [msgid=" + e.msgid() + ", error=" + e.lastError() + "]");
                case REVERSED:
                    if ("REVERSED".equals(e.reversalResult())) {
                        throw new HisSessionException(SessionErrorCode.STEP_REVERSED, key,
                                "committed and reversed by 2601 [msgid=" + e.msgid() + "]");
                    }
                    break; // never committed: the next generation is the redo
                default:
                    relay.process(e);
                    break;
            }
            e = outbox.latest(key).orElseThrow();
        }
        if (e.state() == OutboxState.DONE) {
            return parse(e.responseJson(), key);
        }
        throw new HisSessionException(SessionErrorCode.STEP_UNRESOLVED, key,
                "outcome still " + e.state() + " [msgid=" + e.msgid() + "]; run the step again to resume");
    }

    private static JsonNode parse(String json, String key) {
        try {
            return CanonicalJson.mapper().readTree(json == null ? "null" : json);
        } catch (IOException ex) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, key, "stored output is not JSON");
        }
    }

    private static String text(JsonNode out, String object, String field, String key) {
        JsonNode v = out == null ? null : out.path(object).get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, key, "output lacks " + object + "." + field);
        }
        return v.textValue();
    }

    /** Closes the outbox. */
    @Override
    public void close() {
        outbox.close();
    }

    /** Builder of {@link HisSession}. */
    public static final class Builder {
        private Outbox outbox;
        private PlatformClient client;
        private RequestHeader header;
        private SettlementEngine engine;
        private SocialSecurityCardReader cardReader;
        private UploadDeadlines deadlines;
        private Clock clock;
        private int maxRounds = 5;

        private Builder() {
        }

        /** The durable outbox (the session closes it). */
        public Builder outbox(Outbox o) {
            this.outbox = o;
            return this;
        }

        /** The signed platform client. */
        public Builder client(PlatformClient c) {
            this.client = c;
            return this;
        }

        /** The institution's request header (after sign-in). */
        public Builder header(RequestHeader h) {
            this.header = h;
            return this;
        }

        /** Core's settlement engine with the catalogues in force. */
        public Builder engine(SettlementEngine e) {
            this.engine = e;
            return this;
        }

        /** The card reader (default: without PSAM). */
        public Builder cardReader(SocialSecurityCardReader r) {
            this.cardReader = r;
            return this;
        }

        /** Upload deadlines under the insured place's policy (R-UPL-1). */
        public Builder deadlines(UploadDeadlines d) {
            this.deadlines = d;
            return this;
        }

        /** The clock for settlement dates. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Delivery or resolution rounds per step before {@code STEP_UNRESOLVED} (default 5). */
        public Builder maxRounds(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxRounds must be at least 1");
            }
            this.maxRounds = n;
            return this;
        }

        /** The session. */
        public HisSession build() {
            return new HisSession(this);
        }
    }
}
