package io.wcsettle.his.reconciliation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.TableCheck;
import io.wcsettle.his.platform.profile.TableViolation;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.platform.profile.TransactionSpec;

/**
 * Daily reconciliation by the published 3201 and 3202 (PROTOCOL.md failure semantics 5): 3201
 * sends the period's totals per settling agency — settlements and the reverse rows of their
 * cancellations both counted, amounts net — and the platform says 平 or 不平 ({@code stmt_rslt});
 * for an agency that does not balance, the rows go up as a TAB-separated UTF-8 TXT file in a zip
 * through 9101, 3202 compares them, and its result file comes back through 9102, every row that does
 * not balance listed. These are queries: each call may use a fresh msgid.
 */
public final class Reconciler {

    private final PlatformClient client;
    private final MsgIdGenerator msgids;
    private final RequestHeader header;
    private final TransactionProfile profile;

    /** Queries the platform through {@code client}. */
    public Reconciler(PlatformClient client, MsgIdGenerator msgids, RequestHeader header) {
        this.client = Objects.requireNonNull(client, "client");
        this.msgids = Objects.requireNonNull(msgids, "msgids");
        this.header = Objects.requireNonNull(header, "header");
        this.profile = client.codec().profile();
    }

    /** The settlements (2304) and cancellations (2305) the outbox holds as done, with settlement time in the period. */
    public static List<SettlementRecord> fromOutbox(Outbox outbox, TransactionProfile profile, LocalDate from,
                                                    LocalDate to) {
        String settle = profile.infno(Transaction.SETTLEMENT);
        String cancel = profile.infno(Transaction.SETTLEMENT_CANCELLATION);
        List<SettlementRecord> r = new ArrayList<>();
        for (OutboxEntry e : outbox.inState(java.util.Set.of(OutboxState.DONE))) {
            boolean forward = e.infno().equals(settle);
            if (!forward && !e.infno().equals(cancel)) {
                continue;
            }
            TransactionSpec spec = profile.spec(forward ? Transaction.SETTLEMENT : Transaction.SETTLEMENT_CANCELLATION);
            JsonNode out;
            JsonNode in;
            try {
                out = CanonicalJson.mapper().readTree(e.responseJson());
                in = CanonicalJson.mapper().readTree(e.inputJson());
            } catch (IOException ex) {
                continue;
            }
            Answer.Row s = Answer.output(spec, out).one("setlinfo").orElse(null);
            if (s == null) {
                continue;
            }
            LocalDate day = s.dateTime("setl_time").map(LocalDateTime::toLocalDate)
                    .orElse(e.settledOn() == null ? LocalDate.MIN : e.settledOn());
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            Fen medfee = s.fen("medfee_sumamt").orElse(Fen.ZERO).max(s.fen("medfee_sumamt").orElse(Fen.ZERO).negate());
            Fen fund = s.fen("fund_pay_sumamt").orElse(Fen.ZERO).max(s.fen("fund_pay_sumamt").orElse(Fen.ZERO).negate());
            Fen acct = s.fen("acct_pay").orElse(Fen.ZERO).max(s.fen("acct_pay").orElse(Fen.ZERO).negate());
            Fen cash = s.fen("psn_cash_pay").orElse(Fen.ZERO).max(s.fen("psn_cash_pay").orElse(Fen.ZERO).negate());
            String psnNo = Answer.input(spec, in).one("data").map(x -> x.text("psn_no")).orElse("");
            String optins = s.optText("clr_optins").orElse(e.insuplcAdmdvs());
            r.add(forward
                    ? new SettlementRecord(s.text("setl_id"), s.text("mdtrt_id"), psnNo, e.msgid(), medfee, fund, acct,
                    cash, false, day, optins)
                    : new SettlementRecord(s.text("setl_id"), s.text("mdtrt_id"), psnNo, e.msgid(), medfee.negate(),
                    fund.negate(), acct.negate(), cash.negate(), true, day, optins));
        }
        return r;
    }

    /** Reconciles {@code from} … {@code to}: 3201 per settling agency, 3202 for those that do not balance. */
    public ReconciliationReport reconcile(LocalDate from, LocalDate to, List<SettlementRecord> local) {
        Map<String, List<SettlementRecord>> byAgency = new LinkedHashMap<>();
        for (SettlementRecord r : local) {
            byAgency.computeIfAbsent(r.setlOptins(), k -> new ArrayList<>()).add(r);
        }
        List<TotalsResult> totals = new ArrayList<>();
        List<DetailResult> details = new ArrayList<>();
        for (Map.Entry<String, List<SettlementRecord>> g : byAgency.entrySet()) {
            TotalsResult t = totals(g.getKey(), from, to, g.getValue());
            totals.add(t);
            if (!t.balanced()) {
                details.addAll(details(g.getKey(), from, to, g.getValue(), t));
            }
        }
        return new ReconciliationReport(from, to, totals, details);
    }

    private TotalsResult totals(String agency, LocalDate from, LocalDate to, List<SettlementRecord> rows) {
        Fen medfee = Fen.ZERO;
        Fen fund = Fen.ZERO;
        Fen acct = Fen.ZERO;
        for (SettlementRecord r : rows) {
            medfee = medfee.plus(r.medfee());
            fund = fund.plus(r.fund());
            acct = acct.plus(r.acctPay());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("insutype", profile.value("insutype"));
        data.put("clr_type", profile.value("clr_type"));
        data.put("setl_optins", agency);
        data.put("stmt_begndate", from);
        data.put("stmt_enddate", to);
        data.put("medfee_sumamt", medfee);
        data.put("fund_pay_sumamt", fund);
        data.put("acct_pay", acct);
        data.put("fixmedins_setl_cnt", (long) rows.size());
        JsonNode out = query(Transaction.RECONCILE_TOTALS, Payload.input(profile, Transaction.RECONCILE_TOTALS)
                .row("data", data).build(), agency);
        Answer.Row s = Answer.output(profile.spec(Transaction.RECONCILE_TOTALS), out).one("stmtinfo").orElseThrow(() ->
                new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "stmtinfo", "3201 answer lacks stmtinfo"));
        return new TotalsResult(agency, rows.size(), medfee, fund, acct, "0".equals(s.text("stmt_rslt")),
                s.text("stmt_rslt_dscr"));
    }

    private List<DetailResult> details(String agency, LocalDate from, LocalDate to, List<SettlementRecord> rows,
                                       TotalsResult t) {
        StringBuilder txt = new StringBuilder();
        Fen cash = Fen.ZERO;
        for (SettlementRecord r : rows) {
            txt.append(r.setlId()).append('\t').append(r.mdtrtId()).append('\t').append(r.psnNo()).append('\t')
                    .append(r.medfee().toYuanString()).append('\t').append(r.fund().toYuanString()).append('\t')
                    .append(r.acctPay().toYuanString()).append('\t').append(r.refund() ? "1" : "0").append('\n');
            cash = cash.plus(r.cashPay());
        }
        String filename = header.fixmedinsCode() + "_" + from.toString().replace("-", "") + "_" + agency + ".zip";
        JsonNode up = query(Transaction.FILE_UPLOAD, Payload.input(profile, Transaction.FILE_UPLOAD).row("fsUploadIn",
                Map.of("in", Base64.getEncoder().encodeToString(zip(filename.replace(".zip", ".txt"), txt.toString())),
                        "filename", filename, "fixmedins_code", header.fixmedinsCode())).build(), agency);
        String fileQuryNo = Answer.output(profile.spec(Transaction.FILE_UPLOAD), up).one("result")
                .map(r -> r.text("file_qury_no")).orElse("");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("setl_optins", agency);
        data.put("file_qury_no", fileQuryNo);
        data.put("stmt_begndate", from);
        data.put("stmt_enddate", to);
        data.put("medfee_sumamt", t.medfee());
        data.put("fund_pay_sumamt", t.fund());
        data.put("cash_payamt", cash);
        data.put("fixmedins_setl_cnt", t.count());
        data.put("clr_type", profile.value("clr_type"));
        JsonNode result = query(Transaction.RECONCILE_DETAILS, Payload.input(profile, Transaction.RECONCILE_DETAILS)
                .row("data", data).build(), agency);
        Answer.Row info = Answer.output(profile.spec(Transaction.RECONCILE_DETAILS), result).one("fileinfo").orElseThrow(() ->
                new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "fileinfo", "3202 answer lacks fileinfo"));
        JsonNode down = query(Transaction.FILE_DOWNLOAD, Payload.input(profile, Transaction.FILE_DOWNLOAD)
                .row("fsDownloadIn", Map.of("file_qury_no", info.text("file_qury_no"), "filename", info.text("filename"),
                        "fixmedins_code", header.fixmedinsCode())).build(), agency);
        String file = Answer.output(profile.spec(Transaction.FILE_DOWNLOAD), down).one("result").map(r -> r.text("file"))
                .orElse("");
        List<DetailResult> out = new ArrayList<>();
        TableCheck check = profile.tables();
        int line = 0;
        for (String row : unzip(file).split("\n")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            List<String> v = List.of(row.replace("\r", "").split("\t", -1));
            List<TableViolation> bad = check.fileRow(profile.spec(Transaction.RECONCILE_DETAILS).outputFile(), v, line);
            if (!bad.isEmpty()) {
                throw new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "3202 result file",
                        "breaks 表 135: " + bad.get(0));
            }
            if (!"0".equals(v.get(4))) {
                out.add(new DetailResult(nullable(v.get(0)), nullable(v.get(1)), nullable(v.get(2)), nullable(v.get(3)),
                        v.get(4), nullable(v.get(5)), nullable(v.get(6))));
            }
        }
        return out;
    }

    private static String nullable(String s) {
        return "null".equals(s) ? "" : s;
    }

    private JsonNode query(Transaction t, ObjectNode input, String agency) {
        PlatformResponse r = client.send(new PlatformRequest(profile.infno(t), msgids.next(),
                header.withInsuplcAdmdvs(agency), input));
        if (!r.succeeded()) {
            throw new PlatformException(PlatformErrorCode.PLATFORM_REFUSED, profile.infno(t),
                    "platform refused " + profile.infno(t) + ": " + r.errMsg());
        }
        List<TableViolation> v = profile.tables().output(profile.spec(t), r.output(), TableCheck.Strictness.TOLERANT);
        if (!v.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, v.get(0).path(),
                    profile.infno(t) + " answer breaks its table: " + v.get(0));
        }
        return r.output();
    }

    static byte[] zip(String name, String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, "file", "in-memory zip failed");
        }
        return b.toByteArray();
    }

    static String unzip(String base64) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            ZipEntry e = z.getNextEntry();
            if (e == null) {
                return "";
            }
            byte[] b = z.readNBytes(16 << 20);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "file", "3202 result is not a zip");
        }
    }
}
