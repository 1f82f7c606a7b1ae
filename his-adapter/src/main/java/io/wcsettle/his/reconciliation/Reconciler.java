package io.wcsettle.his.reconciliation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Fen;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxEntry;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.MsgIdGenerator;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformErrorCode;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Transaction;

/**
 * Daily reconciliation (PROTOCOL.md failure semantics 5): compares local settled totals and
 * details with the platform's (3201 totals, 3202 details) and lists <em>every</em> mismatch.
 * 3201 and 3202 are read-only queries, so each call may use a fresh msgid.
 */
public final class Reconciler {

    private final PlatformClient client;
    private final MsgIdGenerator msgids;
    private final RequestHeader header;

    /** Queries the platform through {@code client}. */
    public Reconciler(PlatformClient client, MsgIdGenerator msgids, RequestHeader header) {
        this.client = Objects.requireNonNull(client, "client");
        this.msgids = Objects.requireNonNull(msgids, "msgids");
        this.header = Objects.requireNonNull(header, "header");
    }

    /** Reconciles {@code day}: the local settlements against the platform's 3201 totals and 3202 details. */
    public ReconciliationReport reconcile(LocalDate day, List<SettlementRecord> local) {
        JsonNode totals = query(Transaction.RECONCILE_TOTALS, day).path("stmtinfo");
        JsonNode details = query(Transaction.RECONCILE_DETAILS, day).path("details");
        List<SettlementRecord> platform = new ArrayList<>();
        for (JsonNode d : details) {
            platform.add(new SettlementRecord(d.path("setl_id").asText(), d.path("msgid").asText(null),
                    Fen.parseYuan("medfee_sumamt", d.path("medfee_sumamt").asText()),
                    Fen.parseYuan("fund_pay_sumamt", d.path("fund_pay_sumamt").asText())));
        }
        return compare(day, local, totals.path("setl_cnt").asLong(),
                Fen.parseYuan("medfee_sumamt", totals.path("medfee_sumamt").asText()),
                Fen.parseYuan("fund_pay_sumamt", totals.path("fund_pay_sumamt").asText()), platform);
    }

    /**
     * Compares local records with the platform's totals and details; pure.
     */
    public static ReconciliationReport compare(LocalDate day, List<SettlementRecord> local, long platformCount,
                                               Fen platformMedfee, Fen platformFund,
                                               List<SettlementRecord> platformDetails) {
        List<Mismatch> out = new ArrayList<>();
        Fen medfee = Fen.ZERO;
        Fen fund = Fen.ZERO;
        for (SettlementRecord r : local) {
            medfee = medfee.plus(r.medfee());
            fund = fund.plus(r.fund());
        }
        if (local.size() != platformCount) {
            out.add(new Mismatch(MismatchKind.COUNT_DIFFERS, null, null, Fen.of(local.size()), Fen.of(platformCount)));
        }
        if (!medfee.equals(platformMedfee)) {
            out.add(new Mismatch(MismatchKind.MEDFEE_TOTAL_DIFFERS, null, null, medfee, platformMedfee));
        }
        if (!fund.equals(platformFund)) {
            out.add(new Mismatch(MismatchKind.FUND_TOTAL_DIFFERS, null, null, fund, platformFund));
        }
        Map<String, SettlementRecord> mine = index(local);
        Map<String, SettlementRecord> theirs = index(platformDetails);
        for (SettlementRecord l : mine.values()) {
            SettlementRecord p = theirs.get(l.setlId());
            if (p == null) {
                out.add(new Mismatch(MismatchKind.MISSING_ON_PLATFORM, l.setlId(), l.msgid(), l.medfee(), null));
                continue;
            }
            if (!l.medfee().equals(p.medfee())) {
                out.add(new Mismatch(MismatchKind.MEDFEE_DIFFERS, l.setlId(), l.msgid(), l.medfee(), p.medfee()));
            }
            if (!l.fund().equals(p.fund())) {
                out.add(new Mismatch(MismatchKind.FUND_DIFFERS, l.setlId(), l.msgid(), l.fund(), p.fund()));
            }
        }
        for (SettlementRecord p : theirs.values()) {
            if (!mine.containsKey(p.setlId())) {
                out.add(new Mismatch(MismatchKind.MISSING_LOCALLY, p.setlId(), p.msgid(), null, p.medfee()));
            }
        }
        return new ReconciliationReport(day, out);
    }

    /**
     * The local settlements of {@code day}: DONE settlement entries of the outbox whose
     * {@code settled_on} is {@code day}, with the platform's {@code setl_id} from their verified answer.
     */
    public static List<SettlementRecord> fromOutbox(Outbox outbox, LocalDate day, String settlementInfno) {
        List<SettlementRecord> r = new ArrayList<>();
        for (OutboxEntry e : outbox.inState(java.util.Set.of(OutboxState.DONE))) {
            if (!settlementInfno.equals(e.infno()) || !day.equals(e.settledOn())) {
                continue;
            }
            try {
                JsonNode out = CanonicalJson.mapper().readTree(e.responseJson());
                String setlId = out.path("setlinfo").path("setl_id").asText("");
                r.add(new SettlementRecord(setlId, e.msgid(),
                        e.medfeeFen() == null ? Fen.ZERO : Fen.of(e.medfeeFen()),
                        e.fundFen() == null ? Fen.ZERO : Fen.of(e.fundFen())));
            } catch (IOException ex) {
                throw new PlatformException(PlatformErrorCode.STORAGE_FAILURE, "response_json", "stored answer unreadable");
            }
        }
        return r;
    }

    private JsonNode query(Transaction t, LocalDate day) {
        ObjectNode input = CanonicalJson.mapper().createObjectNode().put("setl_date", day.toString());
        PlatformResponse r = client.send(new PlatformRequest(client.codec().profile().infno(t), msgids.next(), header,
                input));
        if (!r.succeeded()) {
            throw new PlatformException(PlatformErrorCode.PLATFORM_REFUSED, null,
                    "reconciliation query refused by the platform");
        }
        return r.output();
    }

    private static Map<String, SettlementRecord> index(List<SettlementRecord> rs) {
        Map<String, SettlementRecord> m = new TreeMap<>();
        for (SettlementRecord r : rs) {
            m.put(r.setlId(), r);
        }
        return m;
    }
}
