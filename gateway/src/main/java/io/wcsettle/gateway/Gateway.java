package io.wcsettle.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.wcsettle.core.settlement.Institution;
import io.wcsettle.his.session.HisSession;

/**
 * The local HTTP gateway: the discharge workflow of one {@link HisSession} as JSON over HTTP, on the
 * JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1 unless told otherwise. Every call but
 * {@code GET /health} and {@code GET /openapi.json} needs {@code Authorization: Bearer <token>}
 * ({@link AccessToken}). Every failure is an {@link ErrorBody}. The routes are {@link #routes()};
 * the OpenAPI document ({@code /openapi.json}) describes exactly these.
 *
 * <p>Idempotency is the session's: every platform step is keyed in the durable outbox by step and
 * visit id, so asking again for the same visit — after a timeout, a lost answer or a crash of the
 * gateway — returns the stored answer instead of sending anew; a settlement asked twice is one
 * settlement. An {@code Idempotency-Key} header would add nothing the visit id does not already key,
 * and is ignored.
 *
 * <p>One gateway serves one workstation's session; calls are served one at a time.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** The default largest request body: 1 MiB (a bill of thousands of lines fits). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    /**
     * One route of the gateway.
     *
     * @param method   the HTTP method
     * @param template the path, {@code {visit_id}} for the visit id
     * @param open     whether it is served without the token
     */
    public record Route(String method, String template, boolean open) {
    }

    @FunctionalInterface
    private interface Handler {
        ObjectNode handle(Map<String, String> params, RequestFields body);
    }

    private record Bound(Route route, boolean hasBody, int okStatus, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AccessToken token;
    private final int maxBodyBytes;
    private final Workflow workflow;
    private final List<Bound> routes = new ArrayList<>();
    private final byte[] openapi;

    private Gateway(Builder b) {
        this.token = Objects.requireNonNull(b.token, "token");
        this.maxBodyBytes = b.maxBodyBytes;
        this.workflow = new Workflow(Objects.requireNonNull(b.session, "session"),
                Objects.requireNonNull(b.institution, "institution"), b.cardSlot, Objects.requireNonNull(b.clock, "clock"));
        this.openapi = OpenApi.bytes();
        bind();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wcsettle-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(b.bind, b.port), 32);
        } catch (BindException e) {
            executor.shutdownNow();
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "gateway.port",
                    "cannot listen on " + b.bind.getHostAddress() + ":" + b.port + ": the port is in use or not permitted", e);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.debug("gateway listening [port={}]", server.getAddress().getPort());
    }

    private void bind() {
        Workflow w = workflow;
        add("GET", "/health", true, false, 200, (p, b) -> {
            ObjectNode n = Responses.object();
            n.put("status", "ok");
            return n;
        });
        add("GET", "/openapi.json", true, false, 200, null);
        add("POST", "/card/read", false, true, 200, (p, b) -> w.locked(() -> w.readCard(b)));
        add("POST", "/visits", false, true, 200, (p, b) -> w.locked(() -> w.open(b)));
        add("GET", "/visits/{visit_id}", false, false, 200, (p, b) -> w.locked(() -> w.getVisit(p.get("visit_id"))));
        add("POST", "/visits/{visit_id}/admission", false, true, 200,
                (p, b) -> w.locked(() -> w.admit(p.get("visit_id"), b)));
        add("POST", "/visits/{visit_id}/fees", false, true, 200,
                (p, b) -> w.locked(() -> w.uploadFees(p.get("visit_id"), b)));
        add("POST", "/visits/{visit_id}/fees/cancel", false, true, 200,
                (p, b) -> w.locked(() -> w.cancelFees(p.get("visit_id"), b)));
        add("POST", "/visits/{visit_id}/discharge", false, true, 200,
                (p, b) -> w.locked(() -> w.discharge(p.get("visit_id"), b)));
        add("POST", "/visits/{visit_id}/settlement", false, true, 200,
                (p, b) -> w.locked(() -> w.settle(p.get("visit_id"), b)));
        add("POST", "/visits/{visit_id}/settlement/cancel", false, false, 200,
                (p, b) -> w.locked(() -> w.cancelSettlement(p.get("visit_id"))));
        add("GET", "/visits/{visit_id}/statement", false, false, 200,
                (p, b) -> w.locked(() -> w.statement(p.get("visit_id"))));
        add("POST", "/resume", false, false, 200, (p, b) -> w.locked(w::resume));
        add("POST", "/reconcile", false, true, 200, (p, b) -> w.locked(() -> w.reconcile(b)));
    }

    private void add(String method, String template, boolean open, boolean hasBody, int ok, Handler h) {
        routes.add(new Bound(new Route(method, template, open), hasBody, ok, h));
    }

    /** A builder. Required: session, token, institution, clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The routes served, in the order of the OpenAPI document. */
    public List<Route> routes() {
        return routes.stream().map(Bound::route).toList();
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URI, {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    private void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        int status = 500;
        try (ex) {
            try {
                Bound found = null;
                Map<String, String> params = null;
                boolean pathKnown = false;
                for (Bound b : routes) {
                    Map<String, String> m = match(b.route().template(), path);
                    if (m != null) {
                        pathKnown = true;
                        if (b.route().method().equals(method)) {
                            found = b;
                            params = m;
                            break;
                        }
                    }
                }
                if (found == null) {
                    throw pathKnown
                            ? new GatewayException(GatewayErrorCode.METHOD_NOT_ALLOWED, null, method + " is not served on " + path)
                            : new GatewayException(GatewayErrorCode.NOT_FOUND, null, "no such route; see /openapi.json");
                }
                byte[] raw = readBody(ex);
                if (!found.route().open() && !token.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
                    throw new GatewayException(GatewayErrorCode.UNAUTHORIZED, "Authorization",
                            "send the local access token as 'Authorization: Bearer <token>' (the token file is named in"
                                    + " the gateway's configuration)");
                }
                if (found.handler() == null) {
                    status = 200;
                    send(ex, 200, openapi);
                    return;
                }
                RequestFields body = found.hasBody() || raw.length > 0 ? parse(ex, raw) : RequestFields.root(Responses.object());
                ObjectNode answer = found.handler().handle(params, body);
                status = found.okStatus();
                send(ex, status, Responses.MAPPER.writeValueAsBytes(answer));
            } catch (RuntimeException | Error failure) {
                ErrorBody e = ErrorBody.of(failure);
                status = e.status();
                if (e.status() >= 500 && e.status() != 503 && e.status() != 504) {
                    LOG.warn("request failed [method={}, route={}, status={}, code={}, cause={}]", method, routeOf(path),
                            e.status(), e.code(), failure.getClass().getName());
                } else {
                    LOG.debug("request refused [method={}, route={}, status={}, code={}]", method, routeOf(path),
                            e.status(), e.code());
                }
                if (e.retryable() && (e.status() == 503 || e.status() == 504)) {
                    ex.getResponseHeaders().set("Retry-After", "5");
                }
                send(ex, e.status(), Responses.MAPPER.writeValueAsBytes(e.json()));
            }
        } catch (IOException e) {
            LOG.debug("connection ended [method={}, route={}, status={}, cause={}]", method, routeOf(path), status,
                    e.getClass().getSimpleName());
        }
    }

    /** The route template of {@code path} for a log line: the visit id is not logged. */
    private String routeOf(String path) {
        for (Bound b : routes) {
            if (match(b.route().template(), path) != null) {
                return b.route().template();
            }
        }
        return "(unknown)";
    }

    private static Map<String, String> match(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                params.put(t[i].substring(1, t[i].length() - 1),
                        java.net.URLDecoder.decode(p[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBodyBytes) {
                    throw tooLarge(ex.getRequestBody());
                }
            } catch (NumberFormatException e) {
                throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, "Content-Length", "not a number");
            }
        }
        InputStream in = ex.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > maxBodyBytes) {
                throw tooLarge(in);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private GatewayException tooLarge(InputStream rest) {
        if (rest != null) {
            drain(rest);
        }
        return new GatewayException(GatewayErrorCode.REQUEST_TOO_LARGE, null,
                "the body is larger than " + maxBodyBytes + " bytes (gateway.maxBodyBytes)");
    }

    /** Reads and drops what is left of a body (at most 64 MiB), so the client reads the answer. */
    private static void drain(InputStream in) {
        byte[] buf = new byte[8192];
        long left = 64L << 20;
        try {
            int n;
            while (left > 0 && (n = in.read(buf)) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the answer goes out all the same
        }
    }

    private static RequestFields parse(HttpExchange ex, byte[] raw) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new GatewayException(GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "send application/json (UTF-8)");
        }
        if (raw.length == 0) {
            return RequestFields.root(Responses.object());
        }
        JsonNode body;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark, as some Windows tools write it
            }
            body = Responses.MAPPER.readTree(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GatewayException(GatewayErrorCode.MALFORMED_JSON, null, "the body is not UTF-8");
        } catch (JsonProcessingException e) {
            throw new GatewayException(GatewayErrorCode.MALFORMED_JSON, null, "the body is not JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ", column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")");
        }
        if (body == null || !body.isObject()) {
            throw new GatewayException(GatewayErrorCode.MALFORMED_JSON, null, "the body must be one JSON object");
        }
        return RequestFields.root(body);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening (waiting up to a second for calls in progress); the session is the caller's to close. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    /** Builder of {@link Gateway}. */
    public static final class Builder {
        private HisSession session;
        private AccessToken token;
        private Institution institution;
        private CardSlot cardSlot;
        private Clock clock;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /** The session the workflow runs in (the gateway does not close it). */
        public Builder session(HisSession s) {
            this.session = s;
            return this;
        }

        /** The local access token. */
        public Builder token(AccessToken t) {
            this.token = t;
            return this;
        }

        /** The hospital as core's bill takes it (code, admdvs, cross-province enabled, suspended). */
        public Builder institution(Institution i) {
            this.institution = i;
            return this;
        }

        /** Where {@code /card/read} and the {@code reader} credential read the card; none by default. */
        public Builder cardSlot(CardSlot c) {
            this.cardSlot = c;
            return this;
        }

        /** The clock for the card's expiry check (the session has its own). */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** The address to listen on (default the loopback address, 127.0.0.1). */
        public Builder bind(InetAddress a) {
            this.bind = Objects.requireNonNull(a);
            return this;
        }

        /** The TCP port (default 0: any free port). */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "gateway.port", "0..65535");
            }
            this.port = p;
            return this;
        }

        /** The largest request body in bytes (default {@link #DEFAULT_MAX_BODY_BYTES}). */
        public Builder maxBodyBytes(int n) {
            if (n < 1024) {
                throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "gateway.maxBodyBytes", "at least 1024");
            }
            this.maxBodyBytes = n;
            return this;
        }

        /** Starts listening. */
        public Gateway start() {
            return new Gateway(this);
        }
    }
}
