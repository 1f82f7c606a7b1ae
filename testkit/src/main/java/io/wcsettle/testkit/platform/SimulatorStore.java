package io.wcsettle.testkit.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.TableCheck;
import io.wcsettle.his.platform.profile.TableViolation;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.platform.profile.TransactionSpec;

/**
 * The simulated platform's records and business rules. Every request is checked against the same
 * published tables the SDK builds from (nodes, required fields, JSON types, lengths, dictionaries)
 * and every answer is built through them, so the simulator can neither accept nor send what the
 * tables forbid. Every method is synchronised: a request is processed atomically, and a msgid is
 * processed at most once (a later delivery of the same message gets the stored answer; the same
 * msgid with other content is refused).
 */
final class SimulatorStore {

    /** The business answer to one msgid, without envelope times. */
    record Result(int infcode, String errMsg, JsonNode output) {
    }

    private record Stored(String fingerprint, Result answer) {
    }

    private static final class Visit {
        final String mdtrtId;
        final SimulatedPerson person;
        final String admissionMsgid;
        final LocalDateTime admittedAt;
        final String iptNo;
        final Map<String, JsonNode> fees = new LinkedHashMap<>();
        boolean reversed;
        JsonNode discharge;

        Visit(String mdtrtId, SimulatedPerson person, String admissionMsgid, LocalDateTime admittedAt, String iptNo) {
            this.mdtrtId = mdtrtId;
            this.iptNo = iptNo;
            this.person = person;
            this.admissionMsgid = admissionMsgid;
            this.admittedAt = admittedAt;
        }
    }

    private final TransactionProfile profile;
    private final Clock clock;
    private final PlatformSimulator.Options options;
    private final Map<String, Stored> answers = new HashMap<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private final Set<String> tombstones = new HashSet<>();
    private final Map<String, SimulatedSettlement> settlements = new LinkedHashMap<>();
    private final Map<String, String> settlementByMsgid = new HashMap<>();
    private final Map<String, String> cancellationByMsgid = new HashMap<>();
    private final Map<String, Visit> visits = new LinkedHashMap<>();
    private final Map<String, String> visitByAdmissionMsgid = new HashMap<>();
    private final List<SimulatedPerson> persons = new ArrayList<>();
    private final Map<String, LocalDateTime> signIns = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private long serial;

    SimulatorStore(TransactionProfile profile, Clock clock, PlatformSimulator.Options options) {
        this.profile = profile;
        this.clock = clock;
        this.options = options;
    }

    synchronized void registerPerson(SimulatedPerson p) {
        persons.add(p);
    }

    synchronized long nextSerial() {
        return ++serial;
    }

    synchronized int deliveries(String msgid) {
        return deliveries.getOrDefault(msgid, 0);
    }

    synchronized List<SimulatedSettlement> settlements() {
        return List.copyOf(settlements.values());
    }

    synchronized List<SimulatedAdmission> admissions() {
        List<SimulatedAdmission> r = new ArrayList<>();
        for (Visit v : visits.values()) {
            r.add(new SimulatedAdmission(v.mdtrtId, v.admissionMsgid, v.iptNo, v.person.psnNo(), v.reversed));
        }
        return r;
    }

    synchronized Map<String, Integer> feeRows() {
        Map<String, Integer> m = new LinkedHashMap<>();
        visits.forEach((k, v) -> m.put(k, v.fees.size()));
        return m;
    }

    synchronized void expireSignIns() {
        signIns.clear();
    }

    synchronized Result process(PlatformRequest request) {
        deliveries.merge(request.msgid(), 1, Integer::sum);
        String fingerprint = request.infno() + ":" + new String(CanonicalJson.bytes(request.input()), StandardCharsets.UTF_8);
        Stored stored = answers.get(request.msgid());
        if (stored != null) {
            return stored.fingerprint().equals(fingerprint) ? stored.answer()
                    : refuse("报文ID重复：同一 msgid 的交易编号或内容不同");
        }
        Result answer;
        if (tombstones.contains(request.msgid())) {
            answer = refuse("原交易已冲正，不再受理");
        } else {
            try {
                answer = handle(request);
            } catch (Refusal r) {
                answer = refuse(r.getMessage());
            } catch (WcsettleException | IllegalArgumentException | java.time.DateTimeException e) {
                answer = refuse("输入有误：" + (e instanceof WcsettleException we ? we.code() : e.getClass().getSimpleName()));
            }
        }
        answers.put(request.msgid(), new Stored(fingerprint, answer));
        return answer;
    }

    /** A business refusal ({@code infcode -1}) with the platform's text. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private Result handle(PlatformRequest request) {
        TransactionSpec spec = profile.specOf(request.infno()).orElseThrow(() -> new Refusal("交易编号不存在"));
        if (!request.msgid().startsWith(request.header().fixmedinsCode())) {
            throw new Refusal("报文ID应以定点医药机构编号开头");
        }
        Transaction t = spec.transaction();
        if (options.requireSignIn() && t != Transaction.SIGN_IN) {
            LocalDateTime at = signIns.get(request.header().signNo());
            if (at == null || at.plus(options.signInValidFor()).isBefore(LocalDateTime.now(clock))) {
                throw new Refusal("签到编号无效或已失效，请重新签到");
            }
        }
        List<TableViolation> v = profile.tables().input(spec, request.input(),
                new TableCheck.Strictness(options.requireEveryField(), options.refuseUnknownFields()));
        if (!v.isEmpty()) {
            StringBuilder b = new StringBuilder("输入不符合接口表：");
            for (int i = 0; i < Math.min(5, v.size()); i++) {
                b.append(i == 0 ? "" : "；").append(v.get(i));
            }
            throw new Refusal(b.toString());
        }
        Answer in = Answer.input(spec, request.input());
        JsonNode out = switch (t) {
            case SIGN_IN -> signIn(in);
            case SIGN_OUT -> signOut(request, in);
            case PERSON_QUERY -> person(in);
            case ADMISSION -> admit(request, in);
            case DISCHARGE -> discharge(request, in);
            case FEE_UPLOAD -> fees(request, in);
            case FEE_CANCELLATION -> cancelFees(request, in);
            case PRE_SETTLEMENT -> settle(request, in, false);
            case SETTLEMENT -> settle(request, in, true);
            case SETTLEMENT_CANCELLATION -> cancel(request, in);
            case REVERSAL -> reverse(in);
            case RECONCILE_TOTALS -> totals(in);
            case RECONCILE_DETAILS -> details(in);
            case FILE_UPLOAD -> upload(in);
            case FILE_DOWNLOAD -> download(in);
        };
        return new Result(0, "", out);
    }

    private Payload out(Transaction t) {
        return Payload.output(profile, t);
    }

    private String now() {
        return LocalDateTime.now(clock).format(TableCheck.DATETIME);
    }

    private String id(String prefix) {
        // 30 characters, the width of the tables' id fields
        return prefix + String.format("%0" + (30 - prefix.length()) + "d", nextSerial());
    }

    private JsonNode signIn(Answer in) {
        String signNo = id("SN" + LocalDate.now(clock).toString().replace("-", ""));
        signIns.put(signNo, LocalDateTime.now(clock));
        return out(Transaction.SIGN_IN).row("signinoutb", Map.of("sign_time", LocalDateTime.now(clock),
                "sign_no", signNo)).build();
    }

    private JsonNode signOut(PlatformRequest r, Answer in) {
        String signNo = in.one("signOut").map(x -> x.text("sign_no")).orElse("");
        if (signIns.remove(signNo) == null) {
            throw new Refusal("签到编号不存在，无法签退");
        }
        return out(Transaction.SIGN_OUT).row("sign_time", Map.of("sign_time", LocalDateTime.now(clock))).build();
    }

    private SimulatedPerson findPerson(String certType, String certNo, String cardSn, String idNumber, String name) {
        for (SimulatedPerson p : persons) {
            boolean credential = switch (certType) {
                case "03" -> !p.cardNumber().isEmpty() && p.cardNumber().equals(certNo) && p.cardSn().equalsIgnoreCase(cardSn);
                case "02" -> p.idNumber().equals(certNo);
                case "01" -> !p.ecardToken().isEmpty() && p.ecardToken().equals(certNo);
                default -> false;
            };
            if (credential) {
                if (!p.idNumber().equals(idNumber) || !p.name().equals(name)) {
                    throw new Refusal("证件号码或姓名与就诊凭证不符");
                }
                return p;
            }
        }
        throw new Refusal("未查询到人员信息");
    }

    private JsonNode person(Answer in) {
        Answer.Row d = in.one("data").orElseThrow();
        if ("03".equals(d.text("mdtrt_cert_type")) && d.text("card_sn").isEmpty()) {
            throw new Refusal("就诊凭证类型为03时卡识别码必填");
        }
        SimulatedPerson p = findPerson(d.text("mdtrt_cert_type"), d.text("mdtrt_cert_no"), d.text("card_sn"),
                d.text("certno"), d.text("psn_name"));
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("psn_no", p.psnNo());
        base.put("psn_cert_type", d.text("psn_cert_type"));
        base.put("certno", p.idNumber());
        base.put("psn_name", p.name());
        base.put("gend", genderOf(p.idNumber()));
        base.put("age", BigDecimal.valueOf(40));
        Payload o = out(Transaction.PERSON_QUERY).row("baseinfo", base);
        Map<String, Object> insu = new LinkedHashMap<>();
        insu.put("balc", Fen.ZERO);
        insu.put("insutype", profile.value("insutype"));
        insu.put("psn_type", p.psnType());
        insu.put("psn_insu_stas", "1");
        insu.put("cvlserv_flag", "0");
        insu.put("insuplc_admdvs", p.insuredPlace());
        o.addRow("insuinfo", insu);
        o.emptyRows("idetinfo");
        if (profile.spec(Transaction.PERSON_QUERY).outputNode("filinginfo").isPresent()) {
            o.emptyRows("filinginfo");
            for (SimulatedPerson.Filing f : p.filings()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fil_sn", f.sn());
                row.put("fil_type", f.type());
                row.put("fil_scope", f.scope());
                row.put("insuplc_admdvs", f.insuredPlace());
                row.put("mdtrtarea_admdvs", f.target());
                row.put("fil_date", f.filedOn());
                row.put("enddate", f.endedOn());
                o.addRow("filinginfo", row);
            }
        }
        return o.build();
    }

    private static String genderOf(String id) {
        if (id.length() == 18) {
            return (id.charAt(16) - '0') % 2 == 1 ? "1" : "2";
        }
        return "0";
    }

    private SimulatedPerson byPsnNo(String psnNo) {
        return persons.stream().filter(p -> p.psnNo().equals(psnNo)).findFirst()
                .orElseThrow(() -> new Refusal("人员编号不存在"));
    }

    private void checkInsured(PlatformRequest r, SimulatedPerson p) {
        if (!p.insuredPlace().equals(r.header().insuplcAdmdvs())) {
            throw new Refusal("参保地医保区划与人员参保地不符");
        }
    }

    private Visit visit(String mdtrtId, String psnNo) {
        Visit v = visits.get(mdtrtId);
        if (v == null || v.reversed) {
            throw new Refusal("就诊信息不存在");
        }
        if (!v.person.psnNo().equals(psnNo)) {
            throw new Refusal("就诊ID与人员编号不符");
        }
        return v;
    }

    private JsonNode admit(PlatformRequest r, Answer in) {
        Answer.Row m = in.one("mdtrtinfo").orElseThrow();
        SimulatedPerson p = byPsnNo(m.text("psn_no"));
        checkInsured(r, p);
        if (!m.text("certno").equals(p.idNumber())) {
            throw new Refusal("证件号码与人员不符");
        }
        LocalDateTime at = m.dateTime("begntime").orElseThrow();
        String mdtrtarea = r.header().mdtrtareaAdmvs();
        boolean filed = p.filings().stream().anyMatch(f -> covers(f.target(), mdtrtarea)
                && !at.toLocalDate().isBefore(f.filedOn()) && (f.endedOn() == null || !at.toLocalDate().isAfter(f.endedOn())));
        if (options.requireFiling() && !filed) {
            throw new Refusal("无有效异地就医备案（就医地 " + mdtrtarea + "）");
        }
        for (Answer.Row d : in.many("diseinfo")) {
            if (!d.text("psn_no").equals(p.psnNo())) {
                throw new Refusal("诊断信息人员编号不符");
            }
        }
        String mdtrtId = id("MD");
        visits.put(mdtrtId, new Visit(mdtrtId, p, r.msgid(), at, m.text("ipt_no")));
        visitByAdmissionMsgid.put(r.msgid(), mdtrtId);
        return out(Transaction.ADMISSION).row("result", Map.of("mdtrt_id", mdtrtId)).build();
    }

    private static boolean covers(String target, String institution) {
        // a municipality or province-level filing covers the whole province; a city filing its districts (R-FIL-6)
        if (target.endsWith("0000")) {
            return institution.startsWith(target.substring(0, 2));
        }
        if (target.endsWith("00")) {
            return institution.startsWith(target.substring(0, 4));
        }
        return institution.equals(target);
    }

    private JsonNode discharge(PlatformRequest r, Answer in) {
        Answer.Row d = in.one("dscginfo").orElseThrow();
        Visit v = visit(d.text("mdtrt_id"), d.text("psn_no"));
        checkInsured(r, v.person);
        JsonNode info = d.json();
        if (v.discharge != null && !v.discharge.equals(info)) {
            throw new Refusal("已办理出院，出院信息不同");
        }
        v.discharge = info;
        return noOutput();
    }

    private JsonNode noOutput() {
        return options.noOutputAsEmptyObject() ? CanonicalJson.mapper().createObjectNode()
                : com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    private JsonNode fees(PlatformRequest r, Answer in) {
        List<Answer.Row> rows = in.many("feedetail");
        Map<String, JsonNode> batch = new LinkedHashMap<>();
        Visit v = null;
        for (Answer.Row f : rows) {
            Visit fv = visit(f.text("mdtrt_id"), f.text("psn_no"));
            if (v != null && fv != v) {
                throw new Refusal("一次上传的明细属于不同就诊");
            }
            v = fv;
            String sn = f.json().path(wire("feedetl_sn")).asText();
            if (v.fees.containsKey(sn) || batch.containsKey(sn)) {
                throw new Refusal("费用明细流水号重复：" + sn + "（单次就诊内唯一），本批全部上传失败");
            }
            BigDecimal cnt = f.decimal("cnt").orElseThrow();
            BigDecimal pric = f.decimal("pric").orElseThrow();
            BigDecimal sum = f.decimal("det_item_fee_sumamt").orElseThrow();
            if (pric.signum() < 0) {
                throw new Refusal("单价不能为负：" + sn);
            }
            if (cnt.multiply(pric).setScale(2, RoundingMode.HALF_UP).compareTo(sum) != 0) {
                throw new Refusal("明细项目费用总额不等于单价×数量：" + sn + "，本批全部上传失败");
            }
            String init = f.text("init_feedetl_sn");
            if (cnt.signum() < 0) {
                // the original is held already or comes earlier in the same batch
                JsonNode orig = init.isEmpty() ? null : v.fees.containsKey(init) ? v.fees.get(init) : batch.get(init);
                if (orig == null) {
                    throw new Refusal("退单时原费用流水号不存在：" + sn);
                }
                if (orig.path(wire("pric")).decimalValue().compareTo(pric) != 0) {
                    throw new Refusal("退单单价应等于原明细单价：" + sn);
                }
                BigDecimal left = orig.path(wire("cnt")).decimalValue();
                for (JsonNode other : concat(v.fees.values(), batch.values())) {
                    if (init.equals(other.path(wire("init_feedetl_sn")).asText())) {
                        left = left.add(other.path(wire("cnt")).decimalValue());
                    }
                }
                if (left.add(cnt).signum() < 0) {
                    throw new Refusal("退单数量大于原明细剩余数量：" + sn);
                }
            } else if (!init.isEmpty()) {
                throw new Refusal("非退单明细不应有原费用流水号：" + sn);
            }
            batch.put(sn, f.json());
        }
        if (v == null) {
            throw new Refusal("无明细");
        }
        checkInsured(r, v.person);
        v.fees.putAll(batch);
        Payload o = out(Transaction.FEE_UPLOAD);
        for (JsonNode f : batch.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("feedetl_sn", f.path(wire("feedetl_sn")).asText());
            row.put("det_item_fee_sumamt", f.path(wire("det_item_fee_sumamt")).decimalValue());
            row.put("cnt", f.path(wire("cnt")).decimalValue());
            row.put("pric", f.path(wire("pric")).decimalValue());
            row.put("pric_uplmt_amt", f.path(wire("pric")).decimalValue());
            row.put("chrgitm_lv", "01");
            row.put("med_chrgitm_type", "01");
            row.put("lmt_used_flag", "0");
            o.addRow("result", row);
        }
        return o.build();
    }

    private static List<JsonNode> concat(java.util.Collection<JsonNode> a, java.util.Collection<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String wire(String key) {
        return profile.spec(Transaction.FEE_UPLOAD).inputNode("feedetail").orElseThrow().field(key).orElseThrow().name();
    }

    private JsonNode cancelFees(PlatformRequest r, Answer in) {
        for (Answer.Row f : in.many("data")) {
            Visit v = visit(f.text("mdtrt_id"), f.text("psn_no"));
            checkInsured(r, v.person);
            if (settlements.values().stream().anyMatch(s -> s.mdtrtId().equals(v.mdtrtId)
                    && s.status() == SimulatedSettlement.Status.ACTIVE)) {
                throw new Refusal("已结算，不能撤销费用明细");
            }
            String sn = f.text("feedetl_sn");
            if ("0000".equals(sn)) {
                v.fees.clear();
            } else {
                v.fees.remove(sn); // deleting a row the platform never received is a no-op
            }
        }
        return noOutput();
    }

    private JsonNode settle(PlatformRequest r, Answer in, boolean commit) {
        Answer.Row d = in.one("data").orElseThrow();
        Visit v = visit(d.text("mdtrt_id"), d.text("psn_no"));
        checkInsured(r, v.person);
        SimulatedPerson p = v.person;
        if (!d.text("certno").equals(p.idNumber()) || !d.text("psn_name").equals(p.name())) {
            throw new Refusal("证件号码或姓名与人员不符");
        }
        if ("03".equals(d.text("mdtrt_cert_type")) && !p.cardSn().equalsIgnoreCase(d.text("card_sn"))) {
            throw new Refusal("卡识别码与人员不符");
        }
        Fen medfee = d.fen("medfee_sumamt").orElseThrow();
        Fen held = Fen.ZERO;
        for (JsonNode f : v.fees.values()) {
            held = held.plus(Fen.of(f.path(wire("det_item_fee_sumamt")).decimalValue().movePointRight(2).longValueExact()));
        }
        if (!held.equals(medfee)) {
            throw new Refusal("医疗费总额 " + medfee.toYuanString() + " 与已上传明细合计 " + held.toYuanString() + " 不符");
        }
        if (settlements.values().stream().anyMatch(s -> s.mdtrtId().equals(v.mdtrtId)
                && s.status() == SimulatedSettlement.Status.ACTIVE)) {
            throw new Refusal("该就诊已结算，请先撤销");
        }
        Fen fund = d.fen("inscp_scp_amt").orElse(Fen.ZERO).min(medfee);
        Fen cash = medfee.minus(fund);
        String setlId = commit ? id("ST") : null;
        if (commit) {
            settlements.put(setlId, new SimulatedSettlement(setlId, r.msgid(), v.mdtrtId, p.psnNo(), medfee, fund, cash,
                    LocalDate.now(clock), p.insuredPlace(), SimulatedSettlement.Status.ACTIVE, null, null));
            settlementByMsgid.put(r.msgid(), setlId);
        }
        return setlinfo(commit ? Transaction.SETTLEMENT : Transaction.PRE_SETTLEMENT, setlId, v, medfee, fund, cash,
                r.msgid(), d.text("mdtrt_cert_type"), false);
    }

    private JsonNode setlinfo(Transaction t, String setlId, Visit v, Fen medfee, Fen fund, Fen cash, String msgid,
                              String certType, boolean reverse) {
        SimulatedPerson p = v.person;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mdtrt_id", v.mdtrtId);
        if (setlId != null) {
            s.put("setl_id", setlId);
        }
        Fen sign = reverse ? Fen.of(-1) : Fen.of(1);
        TransactionSpec spec = profile.spec(t);
        boolean full = t != Transaction.SETTLEMENT_CANCELLATION;
        if (full) {
            s.put("psn_no", p.psnNo());
            s.put("psn_name", p.name());
            s.put("psn_cert_type", "01");
            s.put("certno", p.idNumber());
            s.put("psn_type", p.psnType());
            s.put("cvlserv_flag", "0");
            s.put("mdtrt_cert_type", certType);
            s.put("med_type", profile.value("med_type"));
            s.put("insutype", profile.value("insutype"));
            s.put("clr_type", profile.value("clr_type"));
        }
        s.put("clr_optins", p.insuredPlace());
        s.put("setl_time", LocalDateTime.now(clock));
        s.put("medfee_sumamt", times(medfee, sign));
        s.put("fulamt_ownpay_amt", Fen.ZERO);
        s.put("overlmt_selfpay", Fen.ZERO);
        s.put("preselfpay_amt", Fen.ZERO);
        s.put("inscp_scp_amt", times(fund, sign));
        s.put("hifp_pay", times(fund, sign));
        s.put("pool_prop_selfpay", BigDecimal.ONE);
        s.put("cvlserv_pay", Fen.ZERO);
        s.put("hifes_pay", Fen.ZERO);
        s.put("hifmi_pay", Fen.ZERO);
        s.put("hifob_pay", Fen.ZERO);
        s.put("maf_pay", Fen.ZERO);
        s.put("oth_pay", Fen.ZERO);
        s.put("fund_pay_sumamt", times(fund, sign));
        s.put("acct_pay", Fen.ZERO);
        s.put("psn_cash_pay", times(cash, sign));
        s.put("balc", Fen.ZERO);
        s.put("acct_mulaid_pay", Fen.ZERO);
        s.put("medins_setl_id", msgid);
        s.keySet().removeIf(k -> spec.outputNode("setlinfo").orElseThrow().field(k).isEmpty());
        Payload o = out(t).row("setlinfo", s);
        o.addRow("setldetail", Map.of("fund_pay_type", "999997", "inscp_scp_amt", times(fund, sign),
                "crt_payb_lmt_amt", times(fund, sign), "fund_payamt", times(fund, sign), "fund_pay_type_name", "其他基金"));
        return o.build();
    }

    private static Fen times(Fen f, Fen sign) {
        return f.times(sign.value());
    }

    private JsonNode cancel(PlatformRequest r, Answer in) {
        Answer.Row d = in.one("data").orElseThrow();
        Visit v = visit(d.text("mdtrt_id"), d.text("psn_no"));
        checkInsured(r, v.person);
        SimulatedSettlement s = settlements.get(d.text("setl_id"));
        if (s == null || !s.mdtrtId().equals(v.mdtrtId)) {
            throw new Refusal("结算信息不存在");
        }
        if (s.status() != SimulatedSettlement.Status.ACTIVE) {
            throw new Refusal("该结算已撤销，不能重复撤销");
        }
        settlements.put(s.setlId(), s.cancelled(LocalDate.now(clock), r.msgid()));
        cancellationByMsgid.put(r.msgid(), s.setlId());
        return setlinfo(Transaction.SETTLEMENT_CANCELLATION, s.setlId(), v, s.medfee(), s.fundPaid(), s.cashPay(),
                r.msgid(), "", true);
    }

    /** 2601: reverse what {@code omsgid} committed, or make sure it never will. Output 无. */
    private JsonNode reverse(Answer in) {
        Answer.Row d = in.one("data").orElseThrow();
        String omsgid = d.text("omsgid");
        String oinfno = d.text("oinfno");
        if (!profile.specOf(oinfno).map(TransactionSpec::reversible).orElse(false)) {
            throw new Refusal("交易 " + oinfno + " 不允许冲正");
        }
        Stored original = answers.get(omsgid);
        if (original == null) {
            if (!options.confirmReversalOfUnseen()) {
                throw new Refusal("原交易不存在");
            }
            tombstones.add(omsgid);
            return noOutput();
        }
        if (!original.fingerprint().startsWith(oinfno + ":")) {
            throw new Refusal("原交易编号与原报文不符");
        }
        String setlId = settlementByMsgid.get(omsgid);
        if (setlId != null) {
            SimulatedSettlement s = settlements.get(setlId);
            if (s.status() == SimulatedSettlement.Status.CANCELLED) {
                throw new Refusal("该结算已撤销，不能冲正");
            }
            settlements.put(setlId, s.withStatus(SimulatedSettlement.Status.REVERSED));
        }
        String cancelled = cancellationByMsgid.remove(omsgid);
        if (cancelled != null) {
            SimulatedSettlement s = settlements.get(cancelled);
            settlements.put(cancelled, new SimulatedSettlement(s.setlId(), s.msgid(), s.mdtrtId(), s.psnNo(), s.medfee(),
                    s.fundPaid(), s.cashPay(), s.date(), s.clrOptins(), SimulatedSettlement.Status.ACTIVE, null, null));
        }
        String mdtrtId = visitByAdmissionMsgid.get(omsgid);
        if (mdtrtId != null) {
            visits.get(mdtrtId).reversed = true;
        }
        tombstones.add(omsgid);
        return noOutput();
    }

    /** The rows of the period as the platform sees them: settlements and reverse rows of cancellations. */
    private List<Object[]> rows(String setlOptins, LocalDate from, LocalDate to) {
        List<Object[]> rows = new ArrayList<>();
        for (SimulatedSettlement s : settlements.values()) {
            if (!s.clrOptins().equals(setlOptins) || s.status() == SimulatedSettlement.Status.REVERSED) {
                continue;
            }
            if (!s.date().isBefore(from) && !s.date().isAfter(to)) {
                rows.add(new Object[] {s, false});
            }
            if (s.cancelledOn() != null && !s.cancelledOn().isBefore(from) && !s.cancelledOn().isAfter(to)) {
                rows.add(new Object[] {s, true});
            }
        }
        return rows;
    }

    private JsonNode totals(Answer in) {
        Answer.Row d = in.one("data").orElseThrow();
        LocalDate from = d.date("stmt_begndate").orElseThrow();
        LocalDate to = d.date("stmt_enddate").orElseThrow();
        if (to.isBefore(from)) {
            throw new Refusal("对账结束日期早于开始日期");
        }
        Fen medfee = Fen.ZERO;
        Fen fund = Fen.ZERO;
        List<Object[]> rows = rows(d.text("setl_optins"), from, to);
        for (Object[] row : rows) {
            SimulatedSettlement s = (SimulatedSettlement) row[0];
            long sign = (Boolean) row[1] ? -1 : 1;
            medfee = medfee.plus(s.medfee().times(sign));
            fund = fund.plus(s.fundPaid().times(sign));
        }
        boolean balanced = medfee.equals(d.fen("medfee_sumamt").orElse(null))
                && fund.equals(d.fen("fund_pay_sumamt").orElse(null))
                && d.decimal("fixmedins_setl_cnt").map(BigDecimal::longValue).orElse(-1L) == rows.size();
        return out(Transaction.RECONCILE_TOTALS).row("stmtinfo", Map.of("setl_optins", d.text("setl_optins"),
                "stmt_rslt", balanced ? "0" : "1", "stmt_rslt_dscr", balanced ? "平" : "不平：中心端 " + rows.size()
                        + " 笔，医疗费总额 " + medfee.toYuanString())).build();
    }

    private JsonNode upload(Answer in) {
        Answer.Row d = in.one("fsUploadIn").orElseThrow();
        byte[] zip;
        try {
            zip = Base64.getDecoder().decode(d.text("in"));
        } catch (IllegalArgumentException e) {
            throw new Refusal("文件数据不是 Base64");
        }
        String no = id("FQ");
        files.put(no, zip);
        fileNames.put(no, d.text("filename"));
        return out(Transaction.FILE_UPLOAD).row("result", Map.of("file_qury_no", no, "filename", d.text("filename"),
                "dld_endtime", LocalDateTime.now(clock).plusDays(1))).build();
    }

    private JsonNode download(Answer in) {
        Answer.Row d = in.one("fsDownloadIn").orElseThrow();
        byte[] zip = files.get(d.text("file_qury_no"));
        if (zip == null || !fileNames.get(d.text("file_qury_no")).equals(d.text("filename"))) {
            throw new Refusal("文件不存在");
        }
        return out(Transaction.FILE_DOWNLOAD).row("result", Map.of("file", Base64.getEncoder().encodeToString(zip),
                "filename", d.text("filename"))).build();
    }

    private JsonNode details(Answer in) {
        Answer.Row d = in.one("data").orElseThrow();
        byte[] zip = files.get(d.text("file_qury_no"));
        if (zip == null) {
            throw new Refusal("文件查询号不存在");
        }
        String text = unzip(zip);
        TransactionSpec spec = profile.spec(Transaction.RECONCILE_DETAILS);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        int line = 0;
        for (String row : text.split("\n", -1)) {
            line++;
            if (row.isEmpty()) {
                continue;
            }
            if (row.endsWith("\r")) {
                throw new Refusal("明细文件第 " + line + " 行以 CR 结尾（应为 LF）");
            }
            List<String> v = List.of(row.split("\t", -1));
            List<TableViolation> bad = profile.tables().fileRow(spec.inputFile(), v, line);
            if (!bad.isEmpty()) {
                throw new Refusal("明细文件不符合表 134：" + bad.get(0));
            }
            sent.put(v.get(0) + "/" + v.get(6), v);
        }
        LocalDate from = d.date("stmt_begndate").orElseThrow();
        LocalDate to = d.date("stmt_enddate").orElseThrow();
        StringBuilder result = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Object[] row : rows(d.text("setl_optins"), from, to)) {
            SimulatedSettlement s = (SimulatedSettlement) row[0];
            boolean refund = (Boolean) row[1];
            String key = s.setlId() + "/" + (refund ? "1" : "0");
            seen.add(key);
            List<String> mine = sent.get(key);
            long sign = refund ? -1 : 1;
            boolean ok = mine != null && new BigDecimal(mine.get(3)).compareTo(new BigDecimal(s.medfee().times(sign)
                    .toYuanString())) == 0 && new BigDecimal(mine.get(4)).compareTo(new BigDecimal(s.fundPaid().times(sign)
                    .toYuanString())) == 0;
            result.append(String.join("\t", s.psnNo(), s.mdtrtId(), s.setlId(), refund ? s.cancelMsgid() : s.msgid(),
                    ok ? "0" : "1", refund ? "1" : "0", ok ? "null" : mine == null ? "医药机构无此明细" : "金额不符")).append('\n');
        }
        for (Map.Entry<String, List<String>> e : sent.entrySet()) {
            if (!seen.contains(e.getKey())) {
                List<String> v = e.getValue();
                result.append(String.join("\t", v.get(2), v.get(1), v.get(0), "null", "1", v.get(6), "中心端无此明细"))
                        .append('\n');
            }
        }
        String no = id("FR");
        String name = "result_" + no + ".zip";
        files.put(no, zip(name.replace(".zip", ".txt"), result.toString()));
        fileNames.put(no, name);
        return out(Transaction.RECONCILE_DETAILS).row("fileinfo", Map.of("file_qury_no", no, "filename", name,
                "dld_endtime", LocalDateTime.now(clock).plusDays(1))).build();
    }

    private static String unzip(byte[] zip) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = z.getNextEntry();
            if (e == null || !e.getName().endsWith(".txt")) {
                throw new Refusal("压缩包内应为一个 TXT 文件");
            }
            byte[] b = z.readNBytes(16 << 20);
            String s = new String(b, StandardCharsets.UTF_8);
            if (!java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), b)) {
                throw new Refusal("TXT 文件不是 UTF-8");
            }
            return s;
        } catch (IOException e) {
            throw new Refusal("文件不是 zip 压缩包");
        }
    }

    private static byte[] zip(String name, String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory zip", e);
        }
        return b.toByteArray();
    }

    private static Result refuse(String why) {
        return new Result(-1, why.length() > 200 ? why.substring(0, 200) : why, null);
    }

}
