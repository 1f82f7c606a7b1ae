package io.wcsettle.testkit.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.Transaction;
import io.wcsettle.his.platform.TransactionProfile;

/**
 * The simulated platform's own records. Every method is synchronised: a request is processed
 * atomically, and a msgid is processed at most once (later deliveries get the stored answer).
 */
final class SimulatorStore {

    /** The business answer to one msgid, without envelope times. */
    record Answer(int infcode, String errMsg, JsonNode output) {
    }

    private record Person(String psnNo, String insuplcAdmdvs) {
    }

    private final TransactionProfile profile;
    private final Clock clock;
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private final Set<String> tombstones = new HashSet<>();
    private final Map<String, SimulatedSettlement> settlements = new LinkedHashMap<>();
    private final Map<String, String> settlementByMsgid = new HashMap<>();
    private final Map<String, String> admissionByMsgid = new HashMap<>();
    private final Set<String> reversedAdmissions = new HashSet<>();
    private final Map<String, Person> persons = new HashMap<>();
    private long serial;

    SimulatorStore(TransactionProfile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
    }

    synchronized void registerPerson(String certNo, String psnNo, String insuplcAdmdvs) {
        persons.put(certNo, new Person(psnNo, insuplcAdmdvs));
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

    synchronized Answer process(PlatformRequest request) {
        deliveries.merge(request.msgid(), 1, Integer::sum);
        Answer stored = answers.get(request.msgid());
        if (stored != null) {
            return stored;
        }
        Answer answer;
        if (tombstones.contains(request.msgid())) {
            answer = refuse("message was reversed before it arrived");
        } else {
            try {
                answer = handle(profile.require(request.infno()), request);
            } catch (WcsettleException | IllegalArgumentException e) {
                answer = refuse("bad input: " + (e instanceof WcsettleException we ? we.code() : "invalid"));
            }
        }
        answers.put(request.msgid(), answer);
        return answer;
    }

    private Answer handle(Transaction t, PlatformRequest request) {
        ObjectNode in = request.input();
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        switch (t) {
            case SIGN_IN -> out.putObject("signinoutb").put("sign_no", String.format("%020d", nextSerial()))
                    .put("sign_time", now());
            case PERSON_QUERY -> {
                Person p = persons.get(text(in, "mdtrt_cert_no"));
                if (p == null) {
                    return refuse("person not found");
                }
                out.putObject("baseinfo").put("psn_no", p.psnNo()).put("insuplc_admdvs", p.insuplcAdmdvs());
            }
            case ADMISSION -> {
                text(in, "psn_no");
                String mdtrtId = "MD" + String.format("%018d", nextSerial());
                admissionByMsgid.put(request.msgid(), mdtrtId);
                out.putObject("result").put("mdtrt_id", mdtrtId);
            }
            case FEE_UPLOAD -> {
                JsonNode lines = in.get("feedetail");
                out.putObject("result").put("count", lines == null ? 0 : lines.size());
            }
            case PRE_SETTLEMENT -> settlementInfo(out, null, in);
            case SETTLEMENT -> {
                String setlId = "ST" + String.format("%018d", nextSerial());
                Fen medfee = Fen.parseYuan("medfee_sumamt", text(in, "medfee_sumamt"));
                Fen fund = Fen.parseYuan("fund_pay_sumamt", text(in, "fund_pay_sumamt"));
                settlements.put(setlId, new SimulatedSettlement(setlId, request.msgid(), text(in, "mdtrt_id"),
                        text(in, "psn_no"), medfee, fund, LocalDate.now(clock), SimulatedSettlement.Status.ACTIVE));
                settlementByMsgid.put(request.msgid(), setlId);
                settlementInfo(out, setlId, in);
            }
            case SETTLEMENT_CANCELLATION -> {
                SimulatedSettlement s = settlements.get(text(in, "setl_id"));
                if (s == null || s.status() != SimulatedSettlement.Status.ACTIVE) {
                    return refuse("no standing settlement with that setl_id");
                }
                settlements.put(s.setlId(), s.withStatus(SimulatedSettlement.Status.CANCELLED));
                out.putObject("setlinfo").put("setl_id", s.setlId());
            }
            case REVERSAL -> out.put("rvs_rslt", reverse(text(in, "omsgid")));
            case RECONCILE_TOTALS -> {
                LocalDate day = LocalDate.parse(text(in, "setl_date"));
                long count = 0;
                Fen medfee = Fen.ZERO;
                Fen fund = Fen.ZERO;
                for (SimulatedSettlement s : standingOn(day)) {
                    count++;
                    medfee = medfee.plus(s.medfee());
                    fund = fund.plus(s.fundPaid());
                }
                out.putObject("stmtinfo").put("setl_cnt", count).put("medfee_sumamt", medfee.toYuanString())
                        .put("fund_pay_sumamt", fund.toYuanString());
            }
            case RECONCILE_DETAILS -> {
                ArrayNode details = out.putArray("details");
                for (SimulatedSettlement s : standingOn(LocalDate.parse(text(in, "setl_date")))) {
                    details.addObject().put("setl_id", s.setlId()).put("msgid", s.msgid())
                            .put("mdtrt_id", s.mdtrtId()).put("medfee_sumamt", s.medfee().toYuanString())
                            .put("fund_pay_sumamt", s.fundPaid().toYuanString());
                }
            }
            case CLEARING_APPLICATION -> out.put("clr_appy_evtid", "CL" + String.format("%018d", nextSerial()));
            case CLEARING_RESULT -> out.put("clr_stas", "ACCEPTED");
            default -> throw new IllegalStateException("unhandled " + t);
        }
        return new Answer(0, "", out);
    }

    /** 2601: reverse what {@code omsgid} committed, or make sure it never will. */
    private String reverse(String omsgid) {
        Answer original = answers.get(omsgid);
        if (original == null) {
            tombstones.add(omsgid);
            return "NOT_FOUND";
        }
        String setlId = settlementByMsgid.get(omsgid);
        if (setlId != null) {
            SimulatedSettlement s = settlements.get(setlId);
            settlements.put(setlId, s.withStatus(SimulatedSettlement.Status.REVERSED));
            return "REVERSED";
        }
        String mdtrtId = admissionByMsgid.get(omsgid);
        if (mdtrtId != null) {
            reversedAdmissions.add(mdtrtId);
            return "REVERSED";
        }
        return original.infcode() == 0 ? "REVERSED" : "NOT_FOUND";
    }

    private List<SimulatedSettlement> standingOn(LocalDate day) {
        List<SimulatedSettlement> r = new ArrayList<>();
        for (SimulatedSettlement s : settlements.values()) {
            if (s.status() == SimulatedSettlement.Status.ACTIVE && s.date().equals(day)) {
                r.add(s);
            }
        }
        return r;
    }

    private void settlementInfo(ObjectNode out, String setlId, ObjectNode in) {
        ObjectNode s = out.putObject("setlinfo");
        if (setlId != null) {
            s.put("setl_id", setlId);
        }
        s.put("mdtrt_id", text(in, "mdtrt_id")).put("psn_no", text(in, "psn_no"))
                .put("medfee_sumamt", Fen.parseYuan("medfee_sumamt", text(in, "medfee_sumamt")).toYuanString())
                .put("fund_pay_sumamt", Fen.parseYuan("fund_pay_sumamt", text(in, "fund_pay_sumamt")).toYuanString())
                .put("setl_time", now());
    }

    private String now() {
        return LocalDateTime.now(clock).format(EnvelopeCodec.INF_TIME);
    }

    private static Answer refuse(String why) {
        return new Answer(-1, why, null);
    }

    private static String text(ObjectNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || !n.isValueNode() || n.asText().isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return n.asText();
    }
}
