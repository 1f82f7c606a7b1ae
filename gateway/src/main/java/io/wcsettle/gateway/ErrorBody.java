package io.wcsettle.gateway;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.outbox.OutboxErrorCode;
import io.wcsettle.his.platform.PlatformErrorCode;
import io.wcsettle.his.platform.profile.ProfileErrorCode;
import io.wcsettle.his.session.HisSessionException;
import io.wcsettle.his.session.SessionErrorCode;

/**
 * The typed error every failure answers with, and the HTTP status it goes with:
 * {@code {"code": "<the SDK's stable code>", "message": "…", "field": "…" | null, "retryable": bool}},
 * plus, for a step of the workflow, {@code step}, {@code msgid} and — for a refusal — the
 * platform's {@code err_msg}. Never a stack trace, never a Java class name.
 *
 * <p>Statuses: 400 bad input (the request, or an SDK check of a value in it); 401 no or wrong token;
 * 404 unknown route or visit; 405; 409 a step out of order or in conflict with what the platform
 * holds; 413 body too large; 415; 422 the platform (or the SDK's rules) refused the business
 * ({@code STEP_REFUSED} carries the platform's {@code err_msg}); 500 a fault of the gateway or its
 * storage; 502 the platform answered something unusable; 503 nothing reached the platform or the
 * card reader ({@code retryable}: ask again later, unchanged); 504 the outcome is still unknown
 * ({@code STEP_UNRESOLVED}, R-UPL-4: ask again with the same visit id — it resumes, it never settles
 * twice).
 *
 * @param status    the HTTP status
 * @param code      the stable code
 * @param message   what went wrong, without personal data from the gateway's side
 * @param field     the request field, configuration setting or workflow step at fault, or {@code null}
 * @param retryable whether asking again unchanged can succeed
 * @param step      the workflow step's key ({@code settlement:V1:1}), or {@code null}
 * @param msgid     the platform message the error is about, or {@code null}
 * @param errMsg    the platform's {@code err_msg} of a refusal, or {@code null}
 */
public record ErrorBody(int status, String code, String message, String field, boolean retryable, String step,
                       String msgid, String errMsg) {

    private static final Map<SessionErrorCode, Integer> SESSION = Map.ofEntries(
            Map.entry(SessionErrorCode.STEP_REFUSED, 422),
            Map.entry(SessionErrorCode.STEP_UNRESOLVED, 504),
            Map.entry(SessionErrorCode.STEP_NOT_DELIVERED, 503),
            Map.entry(SessionErrorCode.OUTPUT_INCOMPLETE, 502),
            Map.entry(SessionErrorCode.STEP_OUT_OF_ORDER, 409),
            Map.entry(SessionErrorCode.FEE_CONTENT_CONFLICT, 409),
            Map.entry(SessionErrorCode.FEES_NOT_UPLOADED, 409),
            Map.entry(SessionErrorCode.NO_LIVE_SETTLEMENT, 409),
            Map.entry(SessionErrorCode.SETTLEMENT_CONFLICT, 409),
            Map.entry(SessionErrorCode.INSURED_PLACE_UNKNOWN, 422),
            Map.entry(SessionErrorCode.FILING_PLACE_MISMATCH, 422),
            Map.entry(SessionErrorCode.INVALID_STEP_INPUT, 400));

    /** The body for any failure of a request; unexpected ones become {@code INTERNAL} with no detail. */
    public static ErrorBody of(Throwable failure) {
        if (failure instanceof BadInput b) {
            WcsettleException e = b.sdk();
            return new ErrorBody(400, e.code(), message(e), b.field(), false, null, null, null);
        }
        if (failure instanceof WcsettleException e) {
            int status = status(e);
            boolean retryable = e.retryable() || status == 503 || status == 504;
            if (e instanceof HisSessionException s) {
                String msgid = msgid(e.getMessage());
                String errMsg = s.sessionCode() == SessionErrorCode.STEP_REFUSED ? s.errMsg() : null;
                String step = isStep(s.sessionCode()) ? e.field() : null;
                return new ErrorBody(status, e.code(), message(e), e.field(), retryable, step, msgid, errMsg);
            }
            return new ErrorBody(status, e.code(), message(e), e.field(), retryable, null, null, null);
        }
        return new ErrorBody(500, GatewayErrorCode.INTERNAL.code(), "internal error; the gateway's log names the cause",
                null, false, null, null, null);
    }

    private static boolean isStep(SessionErrorCode c) {
        return c == SessionErrorCode.STEP_REFUSED || c == SessionErrorCode.STEP_UNRESOLVED
                || c == SessionErrorCode.STEP_NOT_DELIVERED;
    }

    /** The HTTP status of {@code e}. */
    static int status(WcsettleException e) {
        if (e instanceof GatewayException g) {
            return switch (g.gatewayCode()) {
                case UNAUTHORIZED -> 401;
                case NOT_FOUND, UNKNOWN_VISIT, STATEMENT_NOT_AVAILABLE -> 404;
                case METHOD_NOT_ALLOWED -> 405;
                case MALFORMED_JSON, INVALID_REQUEST -> 400;
                case REQUEST_TOO_LARGE -> 413;
                case UNSUPPORTED_MEDIA_TYPE -> 415;
                case CARD_READER_NOT_CONFIGURED -> 503;
                case CONFIG_INVALID, INTERNAL -> 500;
            };
        }
        if (e instanceof HisSessionException s) {
            return SESSION.getOrDefault(s.sessionCode(), 500);
        }
        if (e instanceof CardReadException c) {
            return card(c.cardErrorCode());
        }
        if (e.errorCode() instanceof PlatformErrorCode p) {
            return switch (p) {
                case PLATFORM_UNAVAILABLE, GATEWAY_REFUSED -> 503;
                case OUTCOME_UNKNOWN -> 504;
                case PLATFORM_REFUSED -> 422;
                case INVALID_HEADER, INVALID_KEY, CRYPTO_FAILURE, UNKNOWN_INFNO, INVALID_MSGID, MALFORMED_REQUEST -> 500;
                default -> 502;
            };
        }
        if (e.errorCode() instanceof ProfileErrorCode p) {
            return switch (p) {
                case REQUEST_VIOLATES_TABLE -> 400; // the HIS's values break the interface table (length, control characters)
                case RESPONSE_VIOLATES_TABLE -> 502;
                case PROFILE_INVALID, UNKNOWN_TRANSACTION -> 500;
            };
        }
        if (e.errorCode() instanceof OutboxErrorCode o) {
            return switch (o) {
                case OUTBOX_IN_USE -> 503;
                case ILLEGAL_STATE_TRANSITION -> 409;
                default -> 500;
            };
        }
        if (e.errorCode() instanceof CoreErrorCode c) {
            return switch (c) {
                case IO_FAILURE, TEMP_STORAGE_FAILURE, CALENDAR_YEAR_UNKNOWN, CALENDAR_DATA_INVALID -> 500;
                default -> 400;
            };
        }
        return 500;
    }

    private static int card(CardErrorCode c) {
        return switch (c) {
            case READER_UNAVAILABLE, CARD_IO -> 503;
            case NO_CARD, CARD_REMOVED -> 409;
            default -> 422;
        };
    }

    /** The message without the {@code CODE [field]: } prefix the exception's text starts with. */
    private static String message(WcsettleException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String prefix = e.field() == null ? e.code() + ": " : e.code() + " [" + e.field() + "]: ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static String msgid(String message) {
        int at = message == null ? -1 : message.lastIndexOf("[msgid=");
        if (at < 0) {
            return null;
        }
        int end = message.indexOf(']', at);
        return end < 0 ? null : message.substring(at + 7, end);
    }

    /** The JSON body. */
    ObjectNode json() {
        ObjectNode n = Responses.MAPPER.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        if (field == null) {
            n.putNull("field");
        } else {
            n.put("field", field);
        }
        n.put("retryable", retryable);
        if (step != null) {
            n.put("step", step);
        }
        if (msgid != null && !msgid.isEmpty()) {
            n.put("msgid", msgid);
        }
        if (errMsg != null) {
            n.put("err_msg", errMsg);
        }
        return n;
    }
}
