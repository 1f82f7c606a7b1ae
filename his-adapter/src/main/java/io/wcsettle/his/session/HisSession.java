package io.wcsettle.his.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.discharge.DischargeSettlement;
import io.wcsettle.core.followup.FollowUpDesk;
import io.wcsettle.core.followup.InMemoryWorkOrderStore;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.settlement.SettlementEngine;
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
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.reconciliation.Reconciler;
import io.wcsettle.his.reconciliation.ReconciliationReport;

/**
 * The hospital's side of the cross-province discharge, as a typed workflow. {@link #open} runs
 * the person query (1101) and returns a {@link Visit} handle that carries what later steps need
 * (insured place, {@code psn_no}, {@code mdtrt_id}, the filing as the platform returned it); the
 * visit then admits (2401), uploads fee details again and again (2301, incremental), discharges
 * (2402), settles (core adjudication, 2303, 2304) and cancels (2305). Step outcomes are
 * {@link StepOutcome} values: answered, refused (with the platform's {@code err_msg}), not delivered
 * or unknown.
 *
 * <p>Every platform step goes through the durable {@link Outbox} under a business key
 * {@code <step>:<visitId>[:<n>]}: written before it is sent, sent with the same msgid on every
 * retry, an unknown outcome resolved as its transaction's profile says (R-UPL-4). Asking a step
 * again — after a crash, or simply twice — returns the stored answer without sending; a refused step
 * asked again is sent anew. Sign-in (9001) is managed: before the first step, and again when the
 * platform says the {@code sign_no} is no longer valid. One session serves workers of every insured
 * place ({@link InsuredPlaces}). One session per workstation; not thread-safe.
 */
public final class HisSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HisSession.class);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final PlatformClient client;
    private final RequestHeader header;
    private final TransactionProfile profile;
    private final Catalogue treatmentCatalogue;
    private final InsuredPlaces insuredPlaces;
    private final SocialSecurityCardReader cardReader;
    private final UploadDeadlines deadlines;
    private final Clock clock;
    private final int maxRounds;
    private final SignIn signIn;
    private final Predicate<String> signInExpired;
    private final Map<String, DischargeSettlement> discharges = new HashMap<>();
    private final FollowUpDesk followUp;
    private final StepListener stepListener;
    private volatile String signNo = "";

    private HisSession(Builder b) {
        this.outbox = Objects.requireNonNull(b.outbox, "outbox");
        this.client = Objects.requireNonNull(b.client, "client");
        this.header = Objects.requireNonNull(b.header, "header");
        this.treatmentCatalogue = Objects.requireNonNull(b.treatmentCatalogue, "treatmentCatalogue");
        this.insuredPlaces = Objects.requireNonNull(b.insuredPlaces, "insuredPlaces");
        this.deadlines = Objects.requireNonNull(b.deadlines, "deadlines");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.cardReader = b.cardReader != null ? b.cardReader : SocialSecurityCardReader.withoutPsam(b.clock);
        this.maxRounds = b.maxRounds;
        this.signIn = b.signIn;
        this.signInExpired = b.signInExpired;
        this.followUp = b.followUp != null ? b.followUp
                : new FollowUpDesk(new InMemoryWorkOrderStore(), (event, failure) -> LOG.warn(
                        "follow-up listener failed [order={}, cause={}]", event.orderId(), failure.getClass().getSimpleName()));
        this.stepListener = b.stepListener;
        this.profile = client.codec().profile();
        this.relay = new OutboxRelay(outbox, client, this::currentHeader);
    }

    /** A builder. Required: outbox, client, header, treatment catalogue, insured places, deadlines, clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads and validates the social security card on {@code channel} (R-SET-11). */
    public SocialSecurityCard readCard(ApduChannel channel) {
        return cardReader.read(channel);
    }

    /**
     * Finishes what an earlier (crashed) run left in the outbox: pending entries are sent under
     * their stored msgids, unknown ones resolved. Stops at once while the platform is unavailable,
     * so it never blocks a workstation at start-up. Returns how many entries are still unfinished.
     *
     * <p>When there was something to recover, logs ONE line at INFO — the library's single INFO line
     * (everything else is DEBUG or WARN), so that an operator sees at start-up that a settlement left
     * in flight was finished: {@code outbox recovery finished [entries=, done=, refused=, resolved=,
     * still_unknown=, still_pending=]}: of the entries found unfinished, how many the platform
     * accepted, refused, or were resolved (an unknown outcome reversed or found absent, its business
     * redone under a new msgid), and how many entries are still unknown or waiting to be sent. Counts
     * only: no msgid, visit id, name or ID number.
     */
    public int resume() {
        List<OutboxEntry> before = outbox.unfinished();
        if (!before.isEmpty()) {
            ensureSignedIn(); // a session opened at start-up has no sign_no yet: without one every entry is refused
        }
        int left = relay.runOnce();
        if (!before.isEmpty()) {
            int done = 0;
            int refused = 0;
            int resolved = 0;
            for (OutboxEntry e : before) {
                switch (outbox.find(e.msgid()).map(OutboxEntry::state).orElse(e.state())) {
                    case DONE -> done++;
                    case FAILED -> refused++;
                    case REVERSED -> resolved++;
                    default -> { }
                }
            }
            List<OutboxEntry> after = outbox.unfinished();
            long unknown = after.stream().filter(e -> e.state() == OutboxState.UNKNOWN).count();
            // the library's one INFO line (see the javadoc above and the README's Logging section)
            LOG.info("outbox recovery finished [entries={}, done={}, refused={}, resolved={}, still_unknown={}, "
                    + "still_pending={}]", before.size(), done, refused, resolved, unknown, after.size() - unknown);
        }
        return left;
    }

    /**
     * 1101: the person and their filings for {@code credential}; the visit handle the later steps
     * hang off. Asking again for the same {@code visitId} returns the stored answer.
     *
     * @param visitId the HIS's id of this stay (at most 40 characters; a new one for a new stay)
     */
    public StepOutcome<Visit> open(String visitId, Credential credential) {
        Visit.checkId(visitId);
        io.wcsettle.core.error.Inputs.required(credential, "credential");
        ObjectNode in = Payload.input(profile, Transaction.PERSON_QUERY).row("data", Map.of(
                "mdtrt_cert_type", profile.value(credential.certTypeKey()),
                "mdtrt_cert_no", credential.certNo(),
                "card_sn", credential.cardSn(),
                "psn_cert_type", profile.value("psn_cert_type"),
                "certno", credential.idNumber(),
                "psn_name", credential.name())).build();
        return step("person:" + visitId, Transaction.PERSON_QUERY, "", in, null)
                .map(out -> Visit.of(this, visitId, in, out));
    }

    /**
     * The visit {@code visitId} as the outbox remembers it (after a restart): empty when its 1101 was
     * never answered.
     */
    public Optional<Visit> visit(String visitId) {
        return outbox.latest("person:" + visitId).filter(e -> e.state() == OutboxState.DONE)
                .map(e -> Visit.of(this, visitId, parse(e.inputJson(), e.businessKey()),
                        parse(e.responseJson(), e.businessKey())));
    }

    /**
     * 3201 (and, when the totals do not balance, 3202 over a 9101 file): reconciles the settlements
     * and cancellations of {@code day} by their settlement time.
     */
    public ReconciliationReport reconcile(LocalDate day) {
        return reconcile(day, day);
    }

    /** As {@link #reconcile(LocalDate)} over {@code from} … {@code to}. */
    public ReconciliationReport reconcile(LocalDate from, LocalDate to) {
        ensureSignedIn();
        return new Reconciler(client, outbox.msgids(), currentHeader())
                .reconcile(from, to, Reconciler.fromOutbox(outbox, profile, from, to));
    }

    /** Discharge uploads due by R-UPL-1 and not done on {@code today}. */
    public List<OutboxEntry> uploadsOverdue(LocalDate today) {
        return outbox.uploadsOverdue(today);
    }

    /** Discharge uploads whose deadline is not known yet (no calendar data for the year, R-UPL-1). */
    public List<OutboxEntry> uploadsWithUnknownDeadline() {
        return outbox.uploadsWithUnknownDeadline();
    }

    /** The interface profile in use. */
    public TransactionProfile profile() {
        return profile;
    }

    /**
     * 9001 sign-in now (the session also signs in by itself before the first step).
     *
     * @return the new {@code sign_no}
     */
    public StepOutcome<String> signIn() {
        if (signIn == null || !profile.defines(Transaction.SIGN_IN)) {
            return new StepOutcome.Answered<>("", "");
        }
        long started = System.nanoTime();
        StepOutcome<String> o = sendSignIn();
        observe("signin", Transaction.SIGN_IN, o, started);
        return o;
    }

    private StepOutcome<String> sendSignIn() {
        ObjectNode in = Payload.input(profile, Transaction.SIGN_IN).row("signIn", Map.of(
                "opter_no", signIn.operatorNo(), "mac", signIn.mac(), "ip", signIn.ip())).build();
        String msgid = outbox.msgids().next();
        try {
            PlatformResponse r = client.send(new PlatformRequest(profile.infno(Transaction.SIGN_IN), msgid,
                    header.withSignNo(""), in));
            if (!r.succeeded()) {
                return new StepOutcome.Refused<>("signin", profile.infno(Transaction.SIGN_IN), r.errMsg(), msgid);
            }
            String sign = Answer.output(profile.spec(Transaction.SIGN_IN), r.output()).one("signinoutb")
                    .map(row -> row.text("sign_no")).orElse("");
            if (sign.isEmpty()) {
                throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, "signin", "9001 answer lacks sign_no");
            }
            signNo = sign;
            LOG.debug("signed in [msgid={}]", msgid);
            return new StepOutcome.Answered<>(sign, msgid);
        } catch (PlatformException e) {
            return new StepOutcome.NotDelivered<>("signin", e.code(), msgid);
        }
    }

    /** 9002 sign-out of the current {@code sign_no}. */
    public StepOutcome<Void> signOut() {
        if (signNo.isEmpty() || !profile.defines(Transaction.SIGN_OUT)) {
            return new StepOutcome.Answered<>(null, "");
        }
        long started = System.nanoTime();
        StepOutcome<Void> o = sendSignOut();
        observe("signout", Transaction.SIGN_OUT, o, started);
        return o;
    }

    private StepOutcome<Void> sendSignOut() {
        ObjectNode in = Payload.input(profile, Transaction.SIGN_OUT).row("signOut", Map.of(
                "sign_no", signNo, "opter_no", signIn.operatorNo())).build();
        String msgid = outbox.msgids().next();
        try {
            PlatformResponse r = client.send(new PlatformRequest(profile.infno(Transaction.SIGN_OUT), msgid,
                    currentHeader(), in));
            signNo = "";
            return r.succeeded() ? new StepOutcome.Answered<>(null, msgid)
                    : new StepOutcome.Refused<>("signout", profile.infno(Transaction.SIGN_OUT), r.errMsg(), msgid);
        } catch (PlatformException e) {
            return new StepOutcome.NotDelivered<>("signout", e.code(), msgid);
        }
    }

    RequestHeader currentHeader() {
        return header.withSignNo(signNo);
    }

    private void ensureSignedIn() {
        if (signNo.isEmpty() && signIn != null && profile.defines(Transaction.SIGN_IN)) {
            signIn();
        }
    }

    /**
     * One idempotent, resumable step: the entry under {@code key} is enqueued once (again after a
     * refusal) and driven to a final state; a DONE entry's stored output is returned without sending.
     */
    StepOutcome<JsonNode> step(String key, Transaction t, String insured, ObjectNode input, LocalDate settledOn) {
        return step(key, t, insured, input, settledOn, null, null);
    }

    StepOutcome<JsonNode> step(String key, Transaction t, String insured, ObjectNode input, LocalDate settledOn,
                               Fen medfee, Fen fund) {
        ensureSignedIn();
        long started = System.nanoTime();
        StepOutcome<JsonNode> o = runStep(key, t, insured, input, settledOn, medfee, fund);
        int colon = key.indexOf(':');
        observe(colon < 0 ? key : key.substring(0, colon), t, o, started);
        return o;
    }

    /** Tells the step listener; a listener's failure never changes the outcome. */
    private void observe(String step, Transaction t, StepOutcome<?> outcome, long startedNanos) {
        try {
            stepListener.stepEnded(step, profile.infno(t), outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (RuntimeException e) {
            LOG.warn("step listener failed [step={}, cause={}]", step, e.getClass().getSimpleName());
        }
    }

    private StepOutcome<JsonNode> runStep(String key, Transaction t, String insured, ObjectNode input,
                                          LocalDate settledOn, Fen medfee, Fen fund) {
        NewMessage m = new NewMessage(key, profile.infno(t), insured, input, settledOn, medfee, fund);
        OutboxEntry e = outbox.enqueueAfterRefusal(m);
        boolean resigned = false;
        for (int round = 0; round <= maxRounds; round++) {
            switch (e.state()) {
                case DONE:
                    return new StepOutcome.Answered<>(parse(e.responseJson(), key), e.msgid());
                case FAILED:
                    String err = errMsg(e);
                    if (!resigned && signIn != null && signInExpired.test(err)) {
                        resigned = true;
                        signNo = "";
                        signIn();
                        e = outbox.enqueueAfterRefusal(m);
                        continue;
                    }
                    return new StepOutcome.Refused<>(key, e.infno(), err, e.msgid());
                case REVERSED:
                    break; // resolved: the next generation is the redo
                default:
                    OutboxState after = relay.process(e);
                    if (after == OutboxState.PENDING) {
                        OutboxEntry p = outbox.latest(key).orElseThrow();
                        return new StepOutcome.NotDelivered<>(key, String.valueOf(p.lastError()), p.msgid());
                    }
                    break;
            }
            e = outbox.latest(key).orElseThrow();
        }
        if (e.state() == OutboxState.DONE) {
            return new StepOutcome.Answered<>(parse(e.responseJson(), key), e.msgid());
        }
        return new StepOutcome.Unknown<>(key, e.msgid());
    }

    /** The latest stored entry of {@code key}. */
    Optional<OutboxEntry> latest(String key) {
        return outbox.latest(key);
    }

    /** The latest entries of every key with {@code prefix}. */
    List<OutboxEntry> latestWithPrefix(String prefix) {
        return outbox.latestWithPrefix(prefix);
    }

    /**
     * Core's discharge settlement for a worker insured in {@code insured}: routing (cross-province, the
     * insured place's own settlement of R-FIL-11, local networked, manual claim), the engines with the
     * treatment catalogue and the insured place's policy and devices (R-SET-3, -4), the statement, the
     * follow-up orders raised automatically (R-AUTO-1) and the deadline under the treatment place's
     * policy (R-UPL-1).
     */
    DischargeSettlement dischargeFor(io.wcsettle.core.region.Admdvs insured) {
        InsuredPlaces.Place place = insuredPlaces.of(insured).orElseThrow(() -> new HisSessionException(
                SessionErrorCode.INSURED_PLACE_UNKNOWN, "insuplc_admdvs",
                "no policy and device catalogue registered for insured place " + insured.code()));
        return discharges.computeIfAbsent(insured.code().substring(0, 2), k -> {
            SettlementEngine engine = new SettlementEngine(place.policy(), treatmentCatalogue, place.devices());
            return DischargeSettlement.builder()
                    .router(new SettlementRouter(engine, engine))
                    .policies(RegionalPolicies.shipped().with(place.policy()))
                    .deadlines(deadlines)
                    .followUp(followUp)
                    .build();
        });
    }

    /** The follow-up desk the work orders are raised on (R-AUTO-1). */
    public FollowUpDesk followUp() {
        return followUp;
    }

    /**
     * The calendar years from {@code today} through the next year that the working-day calendar
     * does not know yet; log them at WARN daily, so that no upload deadline becomes unknown.
     */
    public java.util.SortedSet<Integer> missingCalendarYears(LocalDate today) {
        java.util.SortedSet<Integer> missing = new java.util.TreeSet<>();
        for (int y = today.getYear(); y <= today.getYear() + 1; y++) {
            try {
                deadlines.dischargeUploadDue(LocalDate.of(y, 1, 2));
            } catch (io.wcsettle.core.error.WcsettleException e) {
                missing.add(y);
            }
        }
        return missing;
    }

    String institutionName() {
        return header.fixmedinsName();
    }

    InsuredPlaces insuredPlaces() {
        return insuredPlaces;
    }

    UploadDeadlines deadlines() {
        return deadlines;
    }

    Clock clock() {
        return clock;
    }

    private static String errMsg(OutboxEntry e) {
        try {
            JsonNode n = CanonicalJson.mapper().readTree(e.responseJson() == null ? "{}" : e.responseJson());
            return n.path("err_msg").asText(String.valueOf(e.lastError()));
        } catch (IOException ex) {
            return String.valueOf(e.lastError());
        }
    }

    static JsonNode parse(String json, String key) {
        try {
            return CanonicalJson.mapper().readTree(json == null ? "{}" : json);
        } catch (IOException ex) {
            throw new HisSessionException(SessionErrorCode.OUTPUT_INCOMPLETE, key, "stored output is not JSON");
        }
    }

    /** Signs out (best effort) and closes the outbox. */
    @Override
    public void close() {
        try {
            if (!signNo.isEmpty()) {
                signOut();
            }
        } catch (RuntimeException e) {
            LOG.debug("sign-out at close failed [{}]", e.getClass().getSimpleName());
        }
        outbox.close();
    }

    /** Builder of {@link HisSession}. */
    public static final class Builder {
        private Outbox outbox;
        private PlatformClient client;
        private RequestHeader header;
        private Catalogue treatmentCatalogue;
        private InsuredPlaces insuredPlaces;
        private SocialSecurityCardReader cardReader;
        private UploadDeadlines deadlines;
        private Clock clock;
        private int maxRounds = 5;
        private SignIn signIn;
        private Predicate<String> signInExpired = err -> err != null && err.contains("签到");
        private FollowUpDesk followUp;
        private StepListener stepListener = StepListener.none();

        private Builder() {
        }

        /** The durable outbox (the session closes it). */
        public Builder outbox(Outbox o) {
            this.outbox = o;
            return this;
        }

        /** The signed platform client (its codec's profile is the session's). */
        public Builder client(PlatformClient c) {
            this.client = c;
            return this;
        }

        /** The institution's request header; the session adds {@code sign_no} and the insured place. */
        public Builder header(RequestHeader h) {
            this.header = h;
            return this;
        }

        /** The treatment place's drug, item, service and rehab catalogue (R-SET-3). */
        public Builder treatmentCatalogue(Catalogue c) {
            this.treatmentCatalogue = c;
            return this;
        }

        /** The insured places served, each with its policy and device catalogue (R-SET-4). */
        public Builder insuredPlaces(InsuredPlaces p) {
            this.insuredPlaces = p;
            return this;
        }

        /** The card reader (default: without PSAM). */
        public Builder cardReader(SocialSecurityCardReader r) {
            this.cardReader = r;
            return this;
        }

        /** Upload deadlines under the treatment place's policy (R-UPL-1). */
        public Builder deadlines(UploadDeadlines d) {
            this.deadlines = d;
            return this;
        }

        /** The clock for settlement dates. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** 9001 sign-in input; without it the session sends no sign-in (a platform that needs none). */
        public Builder signIn(SignIn s) {
            this.signIn = s;
            return this;
        }

        /**
         * How to recognise a refusal that means "sign in again" from its {@code err_msg} (default: the
         * text mentions 签到).
         */
        public Builder signInExpired(Predicate<String> p) {
            this.signInExpired = Objects.requireNonNull(p);
            return this;
        }

        /**
         * Where the follow-up work orders (meal allowance, referral transport, R-AUTO-1) are raised;
         * default an in-memory store — give a durable {@code WorkOrderStore} in production.
         */
        public Builder followUp(FollowUpDesk desk) {
            this.followUp = desk;
            return this;
        }

        /** Observes every step's kind, transaction, outcome and duration (default: none), e.g. for metrics. */
        public Builder stepListener(StepListener l) {
            this.stepListener = Objects.requireNonNull(l, "stepListener");
            return this;
        }

        /** Delivery or resolution rounds per step before {@code Unknown} (default 5). */
        public Builder maxRounds(int n) {
            if (n < 1) {
                throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, "maxRounds", "at least 1");
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
