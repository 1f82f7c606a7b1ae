package io.wcsettle.his.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.discharge.DischargeRequest;
import io.wcsettle.core.discharge.SettlementOutcome;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.his.outbox.OutboxEntry;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.NodeSpec;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.platform.profile.TransactionSpec;

/**
 * One stay of one worker, as the platform knows it: the handle {@link HisSession#open} returns.
 * It carries what the later steps need — insured place, {@code psn_no}, the credential the 1101 was
 * asked with, the filing as the platform returned it — and reads the rest ({@code mdtrt_id}, the fee
 * rows the platform holds, the live settlement) from the outbox, so a visit reopened after a restart
 * ({@link HisSession#visit}) is the same visit. Not thread-safe; one workstation drives one visit.
 *
 * <p>Semantics a hospital expects: fee details can be uploaded again and again (only rows the
 * platform does not hold are sent, in batches the table allows; a row sent before with other
 * content is a {@code FEE_CONTENT_CONFLICT}, never a silent drop); a cancelled settlement is never
 * reported as live and the visit can be settled again; a refused step can be asked again once the
 * cause is fixed.
 */
public final class Visit {

    private static final int MAX_ID = 40;

    private final HisSession session;
    private final TransactionProfile profile;
    private final String id;
    private final Person person;
    private final Map<String, String> credential;

    private Visit(HisSession session, String id, Person person, Map<String, String> credential) {
        this.session = session;
        this.profile = session.profile();
        this.id = id;
        this.person = person;
        this.credential = credential;
    }

    static void checkId(String visitId) {
        if (visitId == null || visitId.isEmpty() || visitId.length() > MAX_ID || !visitId.matches("[0-9A-Za-z_.-]+")) {
            throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, "visitId",
                    "1 to " + MAX_ID + " letters, digits, '_', '.', '-'");
        }
    }

    static Visit of(HisSession session, String visitId, JsonNode personInput, JsonNode personOutput) {
        TransactionProfile profile = session.profile();
        TransactionSpec spec = profile.spec(Transaction.PERSON_QUERY);
        Answer.Row asked = Answer.input(spec, personInput).one("data").orElseThrow(() ->
                new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId, "stored 1101 input"));
        Map<String, String> credential = new HashMap<>();
        for (String k : List.of("mdtrt_cert_type", "mdtrt_cert_no", "card_sn", "psn_cert_type", "certno", "psn_name")) {
            credential.put(k, asked.text(k));
        }
        Answer out = Answer.output(spec, personOutput);
        Answer.Row base = out.one("baseinfo").orElseThrow(() ->
                new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId, "1101 has no baseinfo"));
        List<Person.Insurance> insurances = new ArrayList<>();
        for (Answer.Row r : out.many("insuinfo")) {
            insurances.add(new Person.Insurance(r.text("insutype"), r.text("psn_type"), r.text("insuplc_admdvs"),
                    r.text("psn_insu_stas")));
        }
        String insutype = profile.value("insutype");
        Person.Insurance chosen = insurances.stream().filter(i -> i.insutype().equals(insutype)).findFirst()
                .or(() -> insurances.stream().findFirst()).orElseThrow(() -> new HisSessionException(
                        SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId, "1101 has no insuinfo row"));
        Admdvs insured;
        try {
            insured = Admdvs.parse("insuinfo.insuplc_admdvs", chosen.insuredPlace());
        } catch (WcsettleException e) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId,
                    "1101 insuplc_admdvs is not an admdvs");
        }
        RegionalPolicy policy = session.insuredPlaces().of(insured).map(InsuredPlaces.Place::policy)
                .orElse(RegionalPolicies.DEFAULT);
        List<Filing> filings = new ArrayList<>();
        if (spec.outputNode("filinginfo").isPresent()) {
            for (Answer.Row r : out.many("filinginfo")) {
                filings.add(filing(r, policy, insured, visitId));
            }
        }
        Person person = new Person(base.text("psn_no"), base.text("psn_cert_type"), base.text("certno"),
                base.text("psn_name"), base.text("gend"), base.date("brdy"), chosen.psnType(), insured, insurances,
                filings);
        if (person.psnNo().isEmpty()) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId, "1101 lacks psn_no");
        }
        return new Visit(session, visitId, person, Map.copyOf(credential));
    }

    private static Filing filing(Answer.Row r, RegionalPolicy policy, Admdvs insured, String visitId) {
        try {
            Admdvs filedInsured = Admdvs.parse("filinginfo.insuplc_admdvs", r.text("insuplc_admdvs"));
            if (!filedInsured.code().substring(0, 2).equals(insured.code().substring(0, 2))) {
                throw new HisSessionException(SessionErrorCode.FILING_PLACE_MISMATCH, "filinginfo.insuplc_admdvs",
                        "the filing's insured place is not the person's insured place (R-SET-11)");
            }
            Filing f = Filing.of(policy, FilingType.valueOf(r.text("fil_type")), FilingScope.valueOf(r.text("fil_scope")),
                    filedInsured, Admdvs.parse("filinginfo.mdtrtarea_admdvs", r.text("mdtrtarea_admdvs")),
                    r.date("fil_date").orElseThrow(() -> new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE,
                            "filinginfo.fil_date", "missing")));
            Optional<LocalDate> end = r.date("enddate");
            return end.isPresent() ? f.endedOn(end.get()) : f;
        } catch (IllegalArgumentException e) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "person:" + visitId,
                    "1101 filinginfo has an unknown filing type or scope");
        }
    }

    /** The HIS's visit id. */
    public String id() {
        return id;
    }

    /** The person, as the 1101 answer gives them. */
    public Person person() {
        return person;
    }

    /** The worker's insured place. */
    public Admdvs insuredPlace() {
        return person.insuredPlace();
    }

    /**
     * The filing the platform holds for treatment at {@code institution} admitted on {@code admittedOn}
     * (R-FIL-6, -8): what core's {@link Bill} takes.
     */
    public Optional<Filing> filing(LocalDate admittedOn, Admdvs institution) {
        return person.filingFor(admittedOn, institution);
    }

    /** The platform's {@code mdtrt_id}, once 2401 was answered. */
    public Optional<String> mdtrtId() {
        return session.latest("admission:" + id).filter(e -> e.state() == OutboxState.DONE)
                .flatMap(e -> Answer.output(profile.spec(Transaction.ADMISSION), HisSession.parse(e.responseJson(),
                        e.businessKey())).one("result")).map(r -> r.text("mdtrt_id")).filter(s -> !s.isEmpty());
    }

    private String insured() {
        return person.insuredPlace().code();
    }

    private String requireMdtrtId(String step) {
        return mdtrtId().orElseThrow(() -> new HisSessionException(SessionErrorCode.STEP_OUT_OF_ORDER, step,
                "the visit has no admission yet (2401)"));
    }

    /** 2401: registers the admission; the platform checks the filing again (R-SET-11). Answers {@code mdtrt_id}. */
    public StepOutcome<String> admit(AdmissionDetails d) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("psn_no", person.psnNo());
        info.put("insutype", profile.value("insutype"));
        info.put("begntime", d.admittedAt());
        info.put("mdtrt_cert_type", credential.get("mdtrt_cert_type"));
        info.put("mdtrt_cert_no", credential.get("mdtrt_cert_no"));
        info.put("card_sn", credential.get("card_sn"));
        info.put("cert_type", credential.get("psn_cert_type"));
        info.put("certno", credential.get("certno"));
        info.put("med_type", profile.value("med_type"));
        info.put("ipt_no", d.iptNo());
        info.put("atddr_no", d.attendingDoctorCode());
        info.put("chfpdr_name", d.chiefDoctorName());
        info.put("adm_diag_dscr", d.admissionDiagnosis());
        info.put("adm_dept_codg", d.departmentCode());
        info.put("adm_dept_name", d.departmentName());
        info.put("adm_bed", d.bed());
        info.put("dscg_maindiag_code", d.mainDiagnosisCode());
        info.put("dscg_maindiag_name", d.mainDiagnosisName());
        Payload p = Payload.input(profile, Transaction.ADMISSION).row("mdtrtinfo", info);
        for (Diagnosis g : d.diagnoses()) {
            p.addRow("diseinfo", diagnosis(g, false));
        }
        return session.step("admission:" + id, Transaction.ADMISSION, insured(), p.build(), null)
                .map(out -> Answer.output(profile.spec(Transaction.ADMISSION), out).one("result")
                        .map(r -> r.text("mdtrt_id")).filter(s -> !s.isEmpty())
                        .orElseThrow(() -> new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE,
                                "admission:" + id, "2401 answer lacks mdtrt_id")));
    }

    private Map<String, Object> diagnosis(Diagnosis g, boolean withMdtrt) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (withMdtrt) {
            row.put("mdtrt_id", requireMdtrtId("discharge:" + id));
        }
        row.put("psn_no", person.psnNo());
        row.put("diag_type", g.type());
        row.put("maindiag_flag", g.main() ? "1" : "0");
        row.put("diag_srt_no", (long) g.order());
        row.put("diag_code", g.code());
        row.put("diag_name", g.name());
        row.put("diag_dept", g.department());
        row.put("dise_dor_no", g.doctorCode());
        row.put("dise_dor_name", g.doctorName());
        row.put("diag_time", g.time());
        return row;
    }

    /**
     * 2301: uploads the fee rows the platform does not hold yet — call it daily, as often as the HIS
     * likes. Rows already held with the same content are skipped; new rows go in batches of at most
     * the table's row limit (100) and the envelope's input size (表 2: 40,000 characters). Answers the
     * number of rows sent now.
     *
     * @throws HisSessionException {@code FEE_CONTENT_CONFLICT} when a row with the same {@code feedetl_sn}
     *                             was uploaded with other content (cancel it with {@link #cancelFees} first);
     *                             nothing is sent then
     */
    public StepOutcome<Integer> uploadFees(List<FeeDetail> rows) {
        String mdtrt = requireMdtrtId("fees:" + id);
        Map<String, JsonNode> held = feesOnPlatform();
        Map<String, JsonNode> fresh = new LinkedHashMap<>();
        for (FeeDetail fd : rows) {
            String sn = fd.line().id();
            JsonNode row = normal(feeRow(fd, mdtrt));
            JsonNode before = held.containsKey(sn) ? normal(held.get(sn)) : fresh.get(sn);
            if (before != null) {
                if (!before.equals(row)) {
                    throw new HisSessionException(SessionErrorCode.FEE_CONTENT_CONFLICT, "feedetl_sn",
                            "fee row " + sn + " was uploaded with other content; cancel it (2302) first");
                }
                continue;
            }
            fresh.put(sn, row);
        }
        List<JsonNode> pending = new ArrayList<>(fresh.values());
        int sent = 0;
        NodeSpec node = profile.spec(Transaction.FEE_UPLOAD).inputNode("feedetail").orElseThrow();
        int maxRows = node.maxRows() > 0 ? node.maxRows() : 100;
        String last = "";
        while (!pending.isEmpty()) {
            int n = Math.min(maxRows, pending.size());
            ObjectNode in = feeBatch(pending.subList(0, n), node);
            while (CanonicalJson.bytes(in).length > 40_000 && n > 1) {
                n = n / 2;
                in = feeBatch(pending.subList(0, n), node);
            }
            StepOutcome<JsonNode> o = session.step("fees:" + id + ":" + nextFeeSerial(), Transaction.FEE_UPLOAD,
                    insured(), in, null);
            if (!o.answered()) {
                return o.map(x -> 0);
            }
            last = o.msgid();
            sent += n;
            pending = new ArrayList<>(pending.subList(n, pending.size()));
        }
        return new StepOutcome.Answered<>(sent, last);
    }

    /** The row as it reads back from its canonical text, so that stored and fresh rows compare by value. */
    private static JsonNode normal(JsonNode n) {
        return HisSession.parse(new String(CanonicalJson.bytes(n), StandardCharsets.UTF_8), "fees");
    }

    private static ObjectNode feeBatch(List<JsonNode> rows, NodeSpec node) {
        ObjectNode in = CanonicalJson.mapper().createObjectNode();
        rows.forEach(in.putArray(node.name())::add);
        return in;
    }

    private JsonNode feeRow(FeeDetail fd, String mdtrt) {
        BillLine l = fd.line();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("feedetl_sn", digits(l.id(), "feedetl_sn"));
        row.put("init_feedetl_sn", l.returnOf().orElse(""));
        row.put("mdtrt_id", mdtrt);
        row.put("psn_no", person.psnNo());
        row.put("med_type", profile.value("med_type"));
        row.put("fee_ocur_time", fd.occurredAt());
        row.put("med_list_codg", l.code());
        row.put("medins_list_codg", fd.institutionCode());
        row.put("det_item_fee_sumamt", l.amount());
        row.put("cnt", l.quantity());
        row.put("pric", l.price());
        row.put("bilg_dept_codg", fd.billingDeptCode());
        row.put("bilg_dept_name", fd.billingDeptName());
        row.put("bilg_dr_codg", fd.billingDoctorCode());
        row.put("bilg_dr_name", fd.billingDoctorName());
        ObjectNode one = Payload.input(profile, Transaction.FEE_UPLOAD).addRow("feedetail", row).build();
        return one.path(profile.spec(Transaction.FEE_UPLOAD).inputNode("feedetail").orElseThrow().name()).get(0);
    }

    private static Object digits(String id, String field) {
        if (id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, field,
                "the line id becomes feedetl_sn, which the table wants as digits (数字型)");
    }

    /** 2302: cancels fee rows the platform holds ({@code feedetl_sn}s; {@code 0000} cancels all). Answers the rows cancelled. */
    public StepOutcome<Integer> cancelFees(List<String> feedetlSns) {
        String mdtrt = requireMdtrtId("feecancel:" + id);
        if (feedetlSns.isEmpty()) {
            return new StepOutcome.Answered<>(0, "");
        }
        Payload p = Payload.input(profile, Transaction.FEE_CANCELLATION);
        for (String sn : new LinkedHashSet<>(feedetlSns)) {
            p.addRow("data", Map.of("feedetl_sn", sn, "mdtrt_id", mdtrt, "psn_no", person.psnNo()));
        }
        return session.step("feecancel:" + id + ":" + nextFeeSerial(), Transaction.FEE_CANCELLATION, insured(),
                p.build(), null).map(x -> feedetlSns.size());
    }

    /** The fee rows the platform holds (or is being sent), by {@code feedetl_sn}, in wire form. */
    Map<String, JsonNode> feesOnPlatform() {
        TreeMap<Integer, OutboxEntry> ordered = new TreeMap<>();
        for (OutboxEntry e : session.latestWithPrefix("fees:" + id + ":")) {
            ordered.put(serial(e.businessKey()), e);
        }
        for (OutboxEntry e : session.latestWithPrefix("feecancel:" + id + ":")) {
            ordered.put(serial(e.businessKey()), e);
        }
        Map<String, JsonNode> held = new LinkedHashMap<>();
        TransactionSpec upload = profile.spec(Transaction.FEE_UPLOAD);
        TransactionSpec cancel = profile.spec(Transaction.FEE_CANCELLATION);
        for (OutboxEntry e : ordered.values()) {
            if (e.state() == OutboxState.FAILED) {
                continue;
            }
            JsonNode in = HisSession.parse(e.inputJson(), e.businessKey());
            if (e.businessKey().startsWith("fees:")) {
                for (Answer.Row r : Answer.input(upload, in).many("feedetail")) {
                    held.put(r.json().path(upload.inputNode("feedetail").orElseThrow().field("feedetl_sn")
                            .orElseThrow().name()).asText(), r.json());
                }
            } else if (e.state() == OutboxState.DONE) {
                for (Answer.Row r : Answer.input(cancel, in).many("data")) {
                    String sn = r.text("feedetl_sn");
                    if ("0000".equals(sn)) {
                        held.clear();
                    } else {
                        held.remove(sn);
                    }
                }
            }
        }
        return held;
    }

    private int nextFeeSerial() {
        return session.latestWithPrefix("fees:" + id + ":").size()
                + session.latestWithPrefix("feecancel:" + id + ":").size() + 1;
    }

    private static int serial(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    }

    /** 2402: registers the discharge (output 无: {@code infcode 0} is the answer). */
    public StepOutcome<Void> discharge(DischargeDetails d) {
        String mdtrt = requireMdtrtId("discharge:" + id);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mdtrt_id", mdtrt);
        info.put("psn_no", person.psnNo());
        info.put("insutype", profile.value("insutype"));
        info.put("endtime", d.dischargedAt());
        info.put("dscg_dept_codg", d.departmentCode());
        info.put("dscg_dept_name", d.departmentName());
        info.put("dscg_way", d.way());
        Payload p = Payload.input(profile, Transaction.DISCHARGE).row("dscginfo", info);
        for (Diagnosis g : d.diagnoses()) {
            p.addRow("diseinfo", diagnosis(g, true));
        }
        return session.step("discharge:" + id, Transaction.DISCHARGE, insured(), p.build(), null)
                .map(x -> null);
    }

    private int round() {
        int done = 0;
        for (OutboxEntry e : session.latestWithPrefix("cancel:" + id + ":")) {
            if (e.state() == OutboxState.DONE) {
                done++;
            }
        }
        return done + 1;
    }

    /** The {@code setl_id} of the visit's live settlement: settled and not cancelled. */
    public Optional<String> liveSettlement() {
        return session.latest("settlement:" + id + ":" + round()).filter(e -> e.state() == OutboxState.DONE)
                .map(e -> setlinfo(Transaction.SETTLEMENT, e).setlId());
    }

    private SettlementInfo setlinfo(Transaction t, OutboxEntry e) {
        return Answer.output(profile.spec(t), HisSession.parse(e.responseJson(), e.businessKey())).one("setlinfo")
                .map(SettlementInfo::of).orElseThrow(() -> new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE,
                        e.businessKey(), e.infno() + " answer lacks setlinfo"));
    }

    /**
     * Discharge settlement: core adjudicates {@code bill} with the insured place's policy and device
     * catalogue and the treatment place's catalogue; when it can be settled directly, 2303 carries
     * core's totals, its answer is compared with core's, and 2304 settles. A bill that cannot be
     * settled directly sends nothing. The upload deadline (R-UPL-1) is computed under the treatment
     * place's policy and is empty when the calendar has no data yet; it never stops a settlement.
     *
     * @throws HisSessionException {@code FEES_NOT_UPLOADED} when the fee rows the platform holds are not
     *                             the bill's lines; {@code INVALID_STEP_INPUT} when the bill's filing is not the
     *                             one the platform returned (R-SET-11)
     */
    public StepOutcome<Discharge> settle(Bill bill) {
        String mdtrt = requireMdtrtId("settlement:" + id);
        if (bill.filing().isPresent() && !person.filings().isEmpty() && !person.filings().contains(bill.filing().get())) {
            throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, "bill.filing",
                    "the bill's filing is not one the platform holds for this person (R-SET-11)");
        }
        LocalDate today = LocalDate.now(session.clock());
        SettlementOutcome o = session.dischargeFor(person.insuredPlace()).settle(new DischargeRequest(id, person.psnNo(),
                Optional.of(credential.get("psn_name")).filter(n -> !n.isEmpty()), person.insuredPlace(),
                Optional.of(session.institutionName()), today, bill));
        SettlementResult result = o.result();
        WorkerStatement statement = o.statement();
        if (!o.sendsToPlatform() || !result.directSettlement()) {
            return new StepOutcome.Answered<>(new Discharge(o.route(), result, statement, o.followUps(),
                    Optional.empty(), o.uploadDeadline(), List.of()), "");
        }
        int round = round();
        checkFees(bill);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", person.psnNo());
        data.put("mdtrt_cert_type", credential.get("mdtrt_cert_type"));
        data.put("mdtrt_cert_no", credential.get("mdtrt_cert_no"));
        data.put("card_sn", credential.get("card_sn"));
        data.put("psn_cert_type", credential.get("psn_cert_type"));
        data.put("certno", credential.get("certno"));
        data.put("psn_type", person.psnType());
        data.put("psn_name", credential.get("psn_name"));
        data.put("medfee_sumamt", result.total());
        data.put("psn_setlway", profile.value("psn_setlway"));
        data.put("mdtrt_id", mdtrt);
        data.put("insutype", profile.value("insutype"));
        data.put("acct_used_flag", profile.value("acct_used_flag"));
        data.put("mid_setl_flag", profile.value("mid_setl_flag"));
        data.put("fulamt_ownpay_amt", result.outside());
        data.put("overlmt_selfpay", result.deducted());
        data.put("inscp_scp_amt", result.fundPaid());
        Map<String, Object> pre = new LinkedHashMap<>(data);
        pre.put("dscgTime", bill.stay().dischargedOn());
        ObjectNode preIn = Payload.input(profile, Transaction.PRE_SETTLEMENT).row("data", pre).build();
        ObjectNode in = Payload.input(profile, Transaction.SETTLEMENT).row("data", data).build();
        requireSameSettlement("settlement:" + id + ":" + round, in);
        StepOutcome<JsonNode> preOut = session.step("presettle:" + id + ":" + round + ":" + hash(preIn),
                Transaction.PRE_SETTLEMENT, insured(), preIn, null);
        if (!preOut.answered()) {
            return preOut.map(x -> null);
        }
        List<String> differences = new ArrayList<>();
        Answer.output(profile.spec(Transaction.PRE_SETTLEMENT), preOut.orElseThrow()).one("setlinfo").ifPresent(r -> {
            compare(differences, "medfee_sumamt", r.fen("medfee_sumamt"), result.total());
            compare(differences, "fund_pay_sumamt", r.fen("fund_pay_sumamt"), result.fundPaid());
        });
        return session.step("settlement:" + id + ":" + round, Transaction.SETTLEMENT, insured(), in, today,
                        result.total(), result.fundPaid())
                .map(out -> new Discharge(o.route(), result, statement, o.followUps(), Optional.of(Answer.output(
                        profile.spec(Transaction.SETTLEMENT), out).one("setlinfo").map(SettlementInfo::of).orElseThrow(() ->
                        new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "settlement:" + id,
                                "2304 answer lacks setlinfo"))), o.uploadDeadline(), differences));
    }

    /**
     * A settlement of this round that is live or still in flight answers any repeat of its own bill;
     * a bill whose 2304 input differs (other lines, other amounts) must not be paired with it.
     */
    private void requireSameSettlement(String key, ObjectNode in) {
        Optional<OutboxEntry> held = session.latest(key)
                .filter(e -> e.state() != OutboxState.FAILED && e.state() != OutboxState.REVERSED);
        if (held.isPresent() && !Arrays.equals(CanonicalJson.bytes(HisSession.parse(held.get().inputJson(), key)),
                CanonicalJson.bytes(in))) {
            throw new HisSessionException(SessionErrorCode.SETTLEMENT_CONFLICT, "bill",
                    held.get().state() == OutboxState.DONE
                            ? "the visit's live settlement was made for another bill; cancel it (2305) first"
                            : "the visit's settlement of another bill is still in flight; resume() first");
        }
    }

    private static void compare(List<String> d, String field, Optional<Fen> platform, Fen core) {
        if (platform.isEmpty() || !platform.get().equals(core)) {
            d.add(field + ": platform " + platform.map(Fen::toYuanString).orElse("absent") + ", core "
                    + core.toYuanString());
        }
    }

    private void checkFees(Bill bill) {
        Map<String, JsonNode> held = feesOnPlatform();
        String codg = "med_list_codg";
        Set<String> missing = new LinkedHashSet<>();
        Set<String> differ = new LinkedHashSet<>();
        Set<String> lineIds = new LinkedHashSet<>();
        for (BillLine l : bill.lines()) {
            lineIds.add(l.id());
            JsonNode row = held.get(l.id());
            if (row == null) {
                missing.add(l.id());
                continue;
            }
            Fen amount;
            try {
                amount = Fen.of(row.path("det_item_fee_sumamt").decimalValue().movePointRight(2).longValueExact());
            } catch (ArithmeticException e) {
                amount = null;
            }
            if (!l.code().equals(row.path(codg).asText()) || !l.amount().equals(amount)) {
                differ.add(l.id());
            }
        }
        Set<String> extra = new LinkedHashSet<>(held.keySet());
        extra.removeAll(lineIds);
        if (!missing.isEmpty() || !differ.isEmpty() || !extra.isEmpty()) {
            throw new HisSessionException(SessionErrorCode.FEES_NOT_UPLOADED, "bill.lines",
                    "the platform's fee rows are not the bill's lines: " + missing.size() + " not uploaded, "
                            + differ.size() + " with other code or amount, " + extra.size()
                            + " held but not in the bill; upload (2301) or cancel (2302) first");
        }
    }

    /**
     * 2305: cancels the visit's live settlement. Afterwards the visit has no live settlement and can
     * be settled again (a new 2304).
     *
     * @throws HisSessionException {@code NO_LIVE_SETTLEMENT} when there is none
     */
    public StepOutcome<SettlementInfo> cancelSettlement() {
        String mdtrt = requireMdtrtId("cancel:" + id);
        int round = round();
        String setlId = liveSettlement().orElseThrow(() -> new HisSessionException(SessionErrorCode.NO_LIVE_SETTLEMENT,
                "cancel:" + id, "the visit has no live settlement to cancel"));
        ObjectNode in = Payload.input(profile, Transaction.SETTLEMENT_CANCELLATION).row("data", Map.of(
                "mdtrt_id", mdtrt, "setl_id", setlId, "psn_no", person.psnNo())).build();
        return session.step("cancel:" + id + ":" + round, Transaction.SETTLEMENT_CANCELLATION, insured(), in,
                LocalDate.now(session.clock())).map(out -> Answer.output(profile.spec(Transaction.SETTLEMENT_CANCELLATION),
                out).one("setlinfo").map(SettlementInfo::of).orElseThrow(() -> new HisSessionException(
                SessionErrorCode.OUTPUT_INCOMPLETE, "cancel:" + id, "2305 answer lacks setlinfo")));
    }

    private static String hash(JsonNode n) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(n));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(new String(CanonicalJson.bytes(n), StandardCharsets.UTF_8).hashCode());
        }
    }

    @Override
    public String toString() {
        return "Visit[" + id + ", psn_no=" + person.psnNo() + ", insured=" + insured() + "]";
    }
}
