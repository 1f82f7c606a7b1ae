package io.wcsettle.testkit.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PayloadCipher;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.his.platform.ApiGateway;
import io.wcsettle.his.platform.profile.TransactionProfile;

/**
 * An embedded settlement platform for tests (yours and ours), a test double named as one: a JDK
 * {@link HttpServer} on a free loopback port that implements the transactions of the published
 * interface with its own store. It is stricter than a real platform: every request is checked
 * against the published tables (nodes, required fields, JSON types, lengths, dictionaries; by default
 * every field of the table must be sent and no other), the envelope against 表 2, the signature,
 * the sign-in ({@code sign_no} from 9001, expiring), and, when configured, the service gateway's
 * {@code _api_*} headers; answers are built through the output tables. Business rules a HIS meets:
 * fee rows unique per visit and {@code 单价×数量 = 总额}, returns against their original, settlement
 * totals equal to the rows held, one live settlement per visit, 2601 only for the transactions the
 * template lists, 3202 through a zip file over 9101/9102. Idempotent by msgid (the same msgid with
 * other content is refused); {@link Fault faults} on request, also per transaction. Slow clients
 * cannot hold a worker for long ({@code sun.net.httpserver.maxReqTime}). Starts in milliseconds.
 *
 * <pre>{@code
 * try (PlatformSimulator sim = PlatformSimulator.builder()
 *         .hisPublicKey(hisKeys.getPublic()).platformSigner(platformSigner).clock(clock).start()) {
 *     sim.faults().next(Fault.DROP_AFTER_COMMIT);
 *     URI endpoint = sim.uri();
 * }
 * }</pre>
 */
public final class PlatformSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSimulator.class);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle and delayed
        // ACKs add ~40 ms to every exchange. Read once per JVM by the JDK's server configuration, so
        // set before the first server starts (an explicit setting by the integrator wins).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // a client that trickles its request is cut off after 10 s instead of holding a worker thread
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EnvelopeCodec codec;
    private final SimulatorStore store;
    private final FaultPlan faults = new FaultPlan();
    private final Clock clock;
    private final String admdvs;
    private final AtomicInteger served = new AtomicInteger();
    private final ApiGateway gateway;

    /**
     * How the simulator differs where real platforms differ.
     *
     * @param requireSignIn           every transaction but 9001 needs a valid {@code sign_no}
     * @param signInValidFor          how long a {@code sign_no} stays valid
     * @param requireEveryField       every field of a table must be sent (empty as {@code ""} / {@code 0})
     * @param refuseUnknownFields     a field or node the table does not have is refused
     * @param requireFiling           2401 needs a filing covering the treatment place on the admission day
     * @param confirmReversalOfUnseen a 2601 for a msgid never seen answers {@code 0} (and the late original is
     *                                refused); {@code false}: it answers {@code -1} 原交易不存在
     * @param noOutputAsEmptyObject   a transaction without output (无) answers {@code {}} instead of {@code null}
     */
    public record Options(boolean requireSignIn, java.time.Duration signInValidFor, boolean requireEveryField,
                          boolean refuseUnknownFields, boolean requireFiling, boolean confirmReversalOfUnseen,
                          boolean noOutputAsEmptyObject) {
        /** The strict default. */
        public static Options strict() {
            return new Options(true, java.time.Duration.ofHours(12), true, true, true, true, false);
        }
    }

    private PlatformSimulator(Builder b) throws IOException {
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.admdvs = b.admdvs;
        this.gateway = b.gateway;
        this.codec = EnvelopeCodec.builder().profile(b.profile).signer(Objects.requireNonNull(b.signer, "platformSigner"))
                .counterpart(new Sm2Verifier(Objects.requireNonNull(b.hisKey, "hisPublicKey")))
                .payloadCipher(b.cipher).clock(clock).build();
        this.store = new SimulatorStore(b.profile, clock, b.options);
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "platform-simulator");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A builder: work-injury profile, strict options, admdvs {@code 110000}, 8 threads, a free port. */
    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint to POST envelopes to. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** The fault plan; change it at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** Registers a person 1101 finds by their credentials. */
    public void registerPerson(SimulatedPerson person) {
        store.registerPerson(Objects.requireNonNull(person, "person"));
    }

    /** Every {@code sign_no} stops being valid now (as at the platform's daily cut-off). */
    public void expireSignIns() {
        store.expireSignIns();
    }

    /** Every admission recorded so far. */
    public List<SimulatedAdmission> admissions() {
        return store.admissions();
    }

    /** Fee rows held per {@code mdtrt_id}. */
    public java.util.Map<String, Integer> feeRows() {
        return store.feeRows();
    }

    /** Every settlement recorded so far, in commit order. */
    public List<SimulatedSettlement> settlements() {
        return store.settlements();
    }

    /** How many times a request with {@code msgid} reached the platform's logic. */
    public int deliveries(String msgid) {
        return store.deliveries(msgid);
    }

    /** Requests answered (any way) so far. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            served.incrementAndGet();
            if (!"POST".equals(ex.getRequestMethod())) {
                drain(ex.getRequestBody());
                plain(ex, 405, "POST only");
                return;
            }
            byte[] body = readLimited(ex.getRequestBody(), codec.maxBodyBytes());
            if (body == null) {
                drain(ex.getRequestBody());
                plain(ex, 413, "too large");
                return;
            }
            if (gateway != null && !gatewayAccepts(ex)) {
                return;
            }
            Fault fault = faults.draw(ex.getRequestHeaders().getFirst(ApiGateway.NAME) != null
                    ? ex.getRequestHeaders().getFirst(ApiGateway.NAME) : infnoOf(body));
            if (fault == Fault.HTTP_500) {
                plain(ex, 500, "injected failure");
                return;
            }
            if (fault == Fault.DELAY) {
                sleep(faults.delay().toMillis());
            }
            PlatformResponse response;
            try {
                PlatformRequest request = codec.decodeRequest(body, ex.getRequestHeaders().getFirst("Content-Type"));
                SimulatorStore.Result answer = store.process(request);
                if (fault == Fault.DUPLICATE_DELIVERY) {
                    answer = store.process(request);
                }
                LOG.debug("simulated [msgid={}, infno={}, infcode={}, fault={}, err={}]",
                        request.msgid(), request.infno(), answer.infcode(), fault, answer.errMsg());
                response = envelope(answer.infcode(), answer.errMsg(), answer.output());
            } catch (io.wcsettle.core.error.WcsettleException e) {
                LOG.debug("refused request [code={}]", e.code());
                response = envelope(PlatformResponse.REFUSED, (e.code() + ": " + e.getMessage()).substring(0,
                        Math.min(200, (e.code() + ": " + e.getMessage()).length())), null);
            } catch (RuntimeException e) {
                // a bug of the simulator: still an answer (named, without a stack trace), never a dropped connection
                LOG.warn("simulator fault on a request [{}]", e.getClass().getName());
                response = envelope(PlatformResponse.REFUSED, "模拟器内部错误 (" + e.getClass().getSimpleName() + ")", null);
            }
            byte[] bytes = codec.encodeResponse(response);
            if (fault == Fault.CORRUPT_SIGNATURE) {
                bytes = corruptSignature(bytes);
            }
            if (fault == Fault.HOLD_AFTER_COMMIT) {
                sleep(faults.delay().toMillis());
            }
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            ex.sendResponseHeaders(200, bytes.length);
            OutputStream out = ex.getResponseBody();
            if (fault == Fault.DROP_AFTER_COMMIT) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                throw new IOException("injected: connection dropped after commit");
            }
            out.write(bytes);
        } catch (IOException | UncheckedIOException e) {
            LOG.trace("connection ended [{}]", e.getClass().getSimpleName());
        }
    }

    private static String infnoOf(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body).path("infno").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** 表 5: the gateway refuses with {@code {"code":401,…}} before the platform sees anything. */
    private boolean gatewayAccepts(HttpExchange ex) throws IOException {
        com.sun.net.httpserver.Headers h = ex.getRequestHeaders();
        java.util.Map<String, String> signed = new java.util.TreeMap<>();
        for (String k : List.of(ApiGateway.ACCESS_KEY, ApiGateway.NAME, ApiGateway.TIMESTAMP, ApiGateway.VERSION)) {
            String v = h.getFirst(k);
            if (v == null) {
                gatewayRefusal(ex, "缺少服务网关的请求头!");
                return false;
            }
            signed.put(k, v);
        }
        if (h.getFirst(ApiGateway.SIGNATURE) == null) {
            gatewayRefusal(ex, "缺少服务网关的请求头!");
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(signed.get(ApiGateway.TIMESTAMP));
        } catch (NumberFormatException e) {
            gatewayRefusal(ex, "签名时间戳超时!");
            return false;
        }
        if (Math.abs(clock.millis() - ts) > java.time.Duration.ofMinutes(30).toMillis()) {
            gatewayRefusal(ex, "签名时间戳超时!");
            return false;
        }
        if (!gateway.accessKey().equals(signed.get(ApiGateway.ACCESS_KEY))) {
            gatewayRefusal(ex, "非法用户!");
            return false;
        }
        if (!gateway.verifies(signed, h.getFirst(ApiGateway.SIGNATURE))) {
            gatewayRefusal(ex, "签名不一致!");
            return false;
        }
        return true;
    }

    private static void gatewayRefusal(HttpExchange ex, String message) throws IOException {
        byte[] b = ("{\"code\":401,\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(401, b.length);
        ex.getResponseBody().write(b);
    }

    private PlatformResponse envelope(int infcode, String errMsg, com.fasterxml.jackson.databind.JsonNode output) {
        String now = LocalDateTime.now(clock).format(EnvelopeCodec.RESPOND_TIME);
        String ref = admdvs + now.substring(0, 14) + String.format("%010d", store.nextSerial() % 10_000_000_000L);
        return new PlatformResponse(infcode, ref, now, now, errMsg, output);
    }

    private static byte[] corruptSignature(byte[] bytes) {
        try {
            ObjectNode e = (ObjectNode) CanonicalJson.mapper().readTree(bytes);
            String cainfo = e.get("cainfo").asText();
            char first = cainfo.charAt(0);
            e.put("cainfo", (first == 'A' ? 'B' : 'A') + cainfo.substring(1));
            return CanonicalJson.mapper().writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads the rest of a request body that is refused unread, so that the refusal reaches the
     * client: closing with body bytes still in flight resets the connection, and the client sees
     * no answer at all (found by the simulator fuzz: a DELETE with a 1 MiB body).
     */
    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static byte[] readLimited(InputStream in, int limit) throws IOException {
        byte[] b = in.readNBytes(limit + 1);
        return b.length > limit ? null : b;
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builder of {@link PlatformSimulator}. */
    public static final class Builder {
        private TransactionProfile profile = TransactionProfile.workInjury();
        private Options options = Options.strict();
        private ApiGateway gateway;
        private Signer signer;
        private PublicKey hisKey;
        private PayloadCipher cipher;
        private Clock clock;
        private String admdvs = "110000";
        private int threads = 8;
        private int port;

        private Builder() {
        }

        /** How strict the simulator is where real platforms differ (default {@link Options#strict()}). */
        public Builder options(Options o) {
            this.options = Objects.requireNonNull(o);
            return this;
        }

        /** Demand the service gateway's {@code _api_*} headers signed with this AK/SK (表 5). */
        public Builder gateway(ApiGateway g) {
            this.gateway = g;
            return this;
        }

        /** The transaction profile (default: {@link TransactionProfile#workInjury()}). */
        public Builder profile(TransactionProfile p) {
            this.profile = Objects.requireNonNull(p);
            return this;
        }

        /** The platform's own signing key. */
        public Builder platformSigner(Signer s) {
            this.signer = s;
            return this;
        }

        /** The HIS's public key, to verify requests. */
        public Builder hisPublicKey(PublicKey k) {
            this.hisKey = k;
            return this;
        }

        /** Optional SM4 payload encryption, as configured on the HIS side. */
        public Builder payloadCipher(PayloadCipher c) {
            this.cipher = c;
            return this;
        }

        /** The platform's clock. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** The platform's own admdvs (first 6 characters of {@code inf_refmsgid}). */
        public Builder admdvs(String a) {
            this.admdvs = Objects.requireNonNull(a);
            return this;
        }

        /** Worker threads (a delayed request holds one). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** A fixed loopback port instead of a free one. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /**
         * Starts the simulator.
         *
         * @throws PlatformException {@code PLATFORM_UNAVAILABLE} naming the port when it cannot listen (port in use)
         */
        public PlatformSimulator start() {
            try {
                return new PlatformSimulator(this);
            } catch (IOException e) {
                throw new PlatformException(io.wcsettle.his.platform.PlatformErrorCode.PLATFORM_UNAVAILABLE, "port",
                        "cannot listen on 127.0.0.1:" + port + " (" + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + ")", e);
            }
        }
    }
}
