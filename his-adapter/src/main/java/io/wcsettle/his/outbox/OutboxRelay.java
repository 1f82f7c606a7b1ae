package io.wcsettle.his.outbox;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.OutcomeUnknownException;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformErrorCode;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.FieldSpec;
import io.wcsettle.his.platform.profile.NodeSpec;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.TableCheck;
import io.wcsettle.his.platform.profile.TableViolation;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.platform.profile.TransactionSpec;

/**
 * Delivers outbox entries (PROTOCOL.md failure semantics, R-UPL-4). PENDING and SENT entries are
 * sent under their stored msgid; an answer is accepted only when it is signed and fits its
 * output table. An UNKNOWN entry is resolved the way its transaction's profile says: 2601 reversal
 * for what 2601 can reverse (2401, 2304, 2305; its {@code infcode 0} — no output — is the
 * confirmation), 2302 cancellation of the rows of a fee batch, and plain asking again for queries
 * (1101, 2303, 3201 …), which 2601 cannot reverse. Only once the platform holds nothing of the
 * original is the business written again under a new msgid. Never sends anything that was not
 * committed first.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final PlatformClient client;
    private final Supplier<RequestHeader> header;
    private final TransactionProfile profile;

    /**
     * @param header the institution's envelope fields (the insured admdvs is taken from each entry)
     */
    public OutboxRelay(Outbox outbox, PlatformClient client, RequestHeader header) {
        this(outbox, client, () -> header);
    }

    /**
     * @param header the current envelope fields (they change with each sign-in's {@code sign_no})
     */
    public OutboxRelay(Outbox outbox, PlatformClient client, Supplier<RequestHeader> header) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.client = Objects.requireNonNull(client, "client");
        this.header = Objects.requireNonNull(header, "header");
        this.profile = client.codec().profile();
    }

    /**
     * One pass over every unfinished entry, oldest first. Stops early when the platform is
     * unavailable (the circuit breaker is open), so a start-up pass never blocks the counter.
     *
     * @return how many entries are still unfinished afterwards
     */
    public int runOnce() {
        java.util.Set<String> done = new java.util.HashSet<>();
        for (int pass = 0; pass < 3; pass++) {
            boolean progressed = false;
            for (OutboxEntry e : outbox.unfinished()) {
                if (!client.available()) {
                    return outbox.unfinished().size();
                }
                if (done.add(e.msgid())) {
                    process(e);
                    progressed = true;
                }
            }
            if (!progressed) {
                break; // a redo written by a resolution is delivered in the next pass
            }
        }
        return outbox.unfinished().size();
    }

    /** Delivers or resolves one entry, according to its state; returns its state afterwards. */
    public OutboxState process(OutboxEntry e) {
        return switch (e.state()) {
            case PENDING, SENT -> deliver(e);
            case UNKNOWN -> resolve(e);
            default -> e.state();
        };
    }

    private OutboxState deliver(OutboxEntry e) {
        outbox.markSent(e.msgid());
        PlatformRequest request = new PlatformRequest(e.infno(), e.msgid(),
                header.get().withInsuplcAdmdvs(e.insuplcAdmdvs()), parse(e.inputJson()));
        try {
            PlatformResponse r = client.send(request);
            if (r.succeeded()) {
                List<TableViolation> v = violations(e.infno(), r.output());
                if (!v.isEmpty()) {
                    LOG.warn("answer breaks its output table, not accepted [msgid={}, infno={}, first={}]",
                            e.msgid(), e.infno(), v.get(0));
                    return outbox.markUnknown(e.msgid(), "RESPONSE_VIOLATES_TABLE").state();
                }
                return outbox.markDone(e.msgid(), r.output() == null || r.output().isNull() ? "{}"
                        : r.output().toString()).state();
            }
            ObjectNode refusal = CanonicalJson.mapper().createObjectNode().put("err_msg", r.errMsg());
            return outbox.markFailed(e.msgid(), "REFUSED", refusal.toString()).state();
        } catch (OutcomeUnknownException ex) {
            LOG.debug("outcome unknown [msgid={}, infno={}]", e.msgid(), e.infno());
            return outbox.markUnknown(e.msgid(), ex.code()).state();
        } catch (PlatformException ex) {
            if (ex.platformCode() == PlatformErrorCode.PLATFORM_UNAVAILABLE
                    || ex.platformCode() == PlatformErrorCode.GATEWAY_REFUSED) {
                return outbox.markPending(e.msgid(), ex.code()).state();
            }
            if (ex.platformCode() == PlatformErrorCode.HTTP_STATUS) {
                return outbox.markFailed(e.msgid(), ex.code(), null).state();
            }
            LOG.debug("send failed, outcome unknown [msgid={}, infno={}, code={}]", e.msgid(), e.infno(), ex.code());
            return outbox.markUnknown(e.msgid(), ex.code()).state();
        }
    }

    private List<TableViolation> violations(String infno, JsonNode output) {
        return profile.specOf(infno)
                .map(spec -> profile.tables().output(spec, output, TableCheck.Strictness.TOLERANT))
                .orElse(List.of());
    }

    private OutboxState resolve(OutboxEntry e) {
        TransactionSpec spec = profile.specOf(e.infno()).orElse(null);
        if (spec == null) {
            return OutboxState.UNKNOWN;
        }
        return switch (spec.onUnknown()) {
            case RESEND -> {
                outbox.markResolved(e.msgid(), Resolution.ABANDONED);
                yield OutboxState.REVERSED;
            }
            case REVERSE -> undo(e, Transaction.REVERSAL, reversal(spec, e), Resolution.REVERSED);
            case CANCEL_FEES -> undo(e, Transaction.FEE_CANCELLATION, feeCancellation(spec, e), Resolution.FEES_CANCELLED);
        };
    }

    private OutboxState undo(OutboxEntry e, Transaction undo, ObjectNode input, Resolution how) {
        String umsgid = outbox.reversalMsgid(e.msgid());
        try {
            PlatformResponse r = client.send(new PlatformRequest(profile.infno(undo), umsgid,
                    header.get().withInsuplcAdmdvs(e.insuplcAdmdvs()), input));
            if (!r.succeeded()) {
                LOG.warn("{} refused, entry stays unknown [msgid={}, infno={}, undo={}]", profile.infno(undo),
                        e.msgid(), e.infno(), umsgid);
                return OutboxState.UNKNOWN;
            }
            outbox.markResolved(e.msgid(), how);
            return OutboxState.REVERSED;
        } catch (PlatformException ex) {
            LOG.debug("{} not confirmed, entry stays unknown [msgid={}, infno={}, undo={}, code={}]",
                    profile.infno(undo), e.msgid(), e.infno(), umsgid, ex.code());
            return OutboxState.UNKNOWN;
        }
    }

    private ObjectNode reversal(TransactionSpec original, OutboxEntry e) {
        JsonNode input = parse(e.inputJson());
        return Payload.input(profile, Transaction.REVERSAL).row("data", java.util.Map.of(
                "psn_no", firstValue(original, input, "psn_no"),
                "omsgid", e.msgid(),
                "oinfno", e.infno())).build();
    }

    private ObjectNode feeCancellation(TransactionSpec upload, OutboxEntry e) {
        JsonNode input = parse(e.inputJson());
        Payload p = Payload.input(profile, Transaction.FEE_CANCELLATION);
        for (Answer.Row row : Answer.input(upload, input).many("feedetail")) {
            p.addRow("data", java.util.Map.of(
                    "feedetl_sn", row.json().path(wire(upload, "feedetail", "feedetl_sn")).asText(),
                    "mdtrt_id", row.text("mdtrt_id"),
                    "psn_no", row.text("psn_no")));
        }
        return p.build();
    }

    private static String wire(TransactionSpec spec, String node, String key) {
        return spec.inputNode(node).flatMap(n -> n.field(key)).map(FieldSpec::name).orElse(key);
    }

    private static String firstValue(TransactionSpec spec, JsonNode input, String key) {
        for (NodeSpec n : spec.input()) {
            if (n.field(key).isPresent()) {
                JsonNode v = input.path(n.name());
                JsonNode row = v.isArray() ? v.path(0) : v;
                String s = row.path(n.field(key).get().name()).asText("");
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return "";
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new OutboxException(OutboxErrorCode.STORAGE_FAILURE, "input_json", "stored input is not a JSON object");
        }
    }

    /** Unfinished entries, for monitoring. */
    public List<OutboxEntry> unfinished() {
        return outbox.unfinished();
    }
}
