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
import io.wcsettle.his.platform.TransactionProfile;

/**
 * An embedded settlement platform for tests (yours and ours): a JDK {@link HttpServer} on a free
 * loopback port that implements the transactions of PROTOCOL.md with its own store, verifies
 * every request's signature, signs every response, is idempotent by msgid, and injects
 * {@link Fault faults} on request. Starts in milliseconds.
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
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EnvelopeCodec codec;
    private final SimulatorStore store;
    private final FaultPlan faults = new FaultPlan();
    private final Clock clock;
    private final String admdvs;
    private final AtomicInteger served = new AtomicInteger();

    private PlatformSimulator(Builder b) throws IOException {
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.admdvs = b.admdvs;
        this.codec = EnvelopeCodec.builder().profile(b.profile).signer(Objects.requireNonNull(b.signer, "platformSigner"))
                .counterpart(new Sm2Verifier(Objects.requireNonNull(b.hisKey, "hisPublicKey")))
                .payloadCipher(b.cipher).clock(clock).build();
        this.store = new SimulatorStore(b.profile, clock);
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

    /** A builder: template profile, admdvs {@code 110000}, 8 threads, a free port. */
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

    /** Registers a person the 1101 query finds by certificate number. */
    public void registerPerson(String certNo, String psnNo, String insuplcAdmdvs) {
        store.registerPerson(certNo, psnNo, insuplcAdmdvs);
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
                plain(ex, 405, "POST only");
                return;
            }
            byte[] body = readLimited(ex.getRequestBody(), codec.maxBodyBytes());
            if (body == null) {
                plain(ex, 413, "too large");
                return;
            }
            Fault fault = faults.draw();
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
                SimulatorStore.Answer answer = store.process(request);
                if (fault == Fault.DUPLICATE_DELIVERY) {
                    answer = store.process(request);
                }
                LOG.debug("simulated [msgid={}, infno={}, infcode={}, fault={}]",
                        request.msgid(), request.infno(), answer.infcode(), fault);
                response = envelope(answer.infcode(), answer.errMsg(), answer.output());
            } catch (PlatformException e) {
                LOG.debug("refused request [code={}]", e.code());
                response = envelope(PlatformResponse.REFUSED, e.code(), null);
            }
            byte[] bytes = codec.encodeResponse(response);
            if (fault == Fault.CORRUPT_SIGNATURE) {
                bytes = corruptSignature(bytes);
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
        private TransactionProfile profile = TransactionProfile.template();
        private Signer signer;
        private PublicKey hisKey;
        private PayloadCipher cipher;
        private Clock clock;
        private String admdvs = "110000";
        private int threads = 8;
        private int port;

        private Builder() {
        }

        /** The transaction profile (default: template). */
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

        /** Starts the simulator. */
        public PlatformSimulator start() {
            try {
                return new PlatformSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start platform simulator", e);
            }
        }
    }
}
