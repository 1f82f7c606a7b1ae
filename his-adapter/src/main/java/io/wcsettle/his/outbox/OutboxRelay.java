package io.wcsettle.his.outbox;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

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
import io.wcsettle.his.platform.Transaction;

/**
 * Delivers outbox entries (PROTOCOL.md failure semantics, R-UPL-4): PENDING and SENT entries are
 * sent under their stored msgid (a SENT entry found after a restart is resent under the same
 * msgid, which the platform treats idempotently); an UNKNOWN entry is resolved by a 2601
 * reversal under its own stored msgid, and redone under a new msgid only when the platform
 * confirms it never committed the original. Never sends anything that was not committed first.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final PlatformClient client;
    private final RequestHeader header;

    /**
     * @param header the institution's envelope fields (the insured admdvs is taken from each entry)
     */
    public OutboxRelay(Outbox outbox, PlatformClient client, RequestHeader header) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.client = Objects.requireNonNull(client, "client");
        this.header = Objects.requireNonNull(header, "header");
    }

    /**
     * One pass over every unfinished entry, oldest first.
     *
     * @return how many entries are still unfinished afterwards
     */
    public int runOnce() {
        for (OutboxEntry e : outbox.unfinished()) {
            process(e);
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
        PlatformRequest request = new PlatformRequest(e.infno(), e.msgid(), header.withInsuplcAdmdvs(e.insuplcAdmdvs()),
                parse(e.inputJson()));
        try {
            PlatformResponse r = client.send(request);
            if (r.succeeded()) {
                return outbox.markDone(e.msgid(), r.output() == null ? "null" : r.output().toString()).state();
            }
            ObjectNode refusal = CanonicalJson.mapper().createObjectNode().put("err_msg", r.errMsg());
            return outbox.markFailed(e.msgid(), "REFUSED", refusal.toString()).state();
        } catch (OutcomeUnknownException ex) {
            LOG.warn("outcome unknown [msgid={}, infno={}]", e.msgid(), e.infno());
            return outbox.markUnknown(e.msgid(), ex.code()).state();
        } catch (PlatformException ex) {
            if (ex.platformCode() == PlatformErrorCode.PLATFORM_UNAVAILABLE) {
                return outbox.markPending(e.msgid(), ex.code()).state();
            }
            if (ex.platformCode() == PlatformErrorCode.HTTP_STATUS) {
                return outbox.markFailed(e.msgid(), ex.code(), null).state();
            }
            LOG.warn("send failed, outcome unknown [msgid={}, infno={}, code={}]", e.msgid(), e.infno(), ex.code());
            return outbox.markUnknown(e.msgid(), ex.code()).state();
        }
    }

    private OutboxState resolve(OutboxEntry e) {
        String rmsgid = outbox.reversalMsgid(e.msgid());
        JsonNode input = parse(e.inputJson());
        ObjectNode rin = CanonicalJson.mapper().createObjectNode()
                .put("psn_no", input.path("psn_no").asText(""))
                .put("omsgid", e.msgid())
                .put("oinfno", e.infno());
        String infno = client.codec().profile().infno(Transaction.REVERSAL);
        try {
            PlatformResponse r = client.send(new PlatformRequest(infno, rmsgid,
                    header.withInsuplcAdmdvs(e.insuplcAdmdvs()), rin));
            if (!r.succeeded()) {
                LOG.warn("reversal refused, entry stays unknown [msgid={}, infno={}, reversal={}]",
                        e.msgid(), e.infno(), rmsgid);
                return OutboxState.UNKNOWN;
            }
            String result = r.output() == null ? "" : r.output().path("rvs_rslt").asText("");
            boolean committed = switch (result) {
                case "REVERSED" -> true;
                case "NOT_FOUND" -> false;
                default -> throw new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "rvs_rslt",
                        "unknown reversal result");
            };
            outbox.markReversed(e.msgid(), committed);
            return OutboxState.REVERSED;
        } catch (PlatformException ex) {
            LOG.warn("reversal not confirmed, entry stays unknown [msgid={}, infno={}, reversal={}, code={}]",
                    e.msgid(), e.infno(), rmsgid, ex.code());
            return OutboxState.UNKNOWN;
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new PlatformException(PlatformErrorCode.STORAGE_FAILURE, "input_json", "stored input is not a JSON object");
        }
    }

    /** Unfinished entries, for monitoring. */
    public List<OutboxEntry> unfinished() {
        return outbox.unfinished();
    }
}
