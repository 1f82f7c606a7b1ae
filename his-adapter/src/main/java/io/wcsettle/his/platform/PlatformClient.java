package io.wcsettle.his.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed requests to the settlement platform with the JDK {@link HttpClient}
 * (PROTOCOL.md failure semantics, R-UPL-4). Each attempt has its own timeout, all attempts
 * together a total timeout; retries wait a jittered exponential backoff and resend the
 * <em>same</em> msgid. When no trustworthy answer arrives in time the outcome is unknown
 * ({@link OutcomeUnknownException}); the caller resolves it by query or 2601 reversal, never by
 * a new msgid. Answers with bad or missing signatures are never accepted. Thread-safe.
 */
public final class PlatformClient {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);

    private final URI endpoint;
    private final EnvelopeCodec codec;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final ApiGateway gateway;
    private final CircuitBreaker breaker;
    private final String target;

    private PlatformClient(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.codec = Objects.requireNonNull(b.codec, "codec");
        this.attemptTimeout = b.attemptTimeout;
        this.callTimeout = b.callTimeout;
        this.backoff = b.backoff;
        this.random = Objects.requireNonNull(b.random, "random");
        this.sleeper = b.sleeper;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.gateway = b.gateway;
        this.breaker = new CircuitBreaker(b.breakerThreshold, b.breakerOpenFor, clock);
        this.target = endpoint.getHost() + ":" + (endpoint.getPort() > 0 ? endpoint.getPort()
                : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout.compareTo(attemptTimeout) < 0 ? b.connectTimeout : attemptTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A builder; defaults: connect timeout 3 s, attempt timeout 10 s, call timeout 60 s, backoff
     * 500 ms … 5 s, system sleeper, circuit breaker opening after 3 undelivered calls for 30 s.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The platform's URL this client posts to (for a reachability probe: it holds no secret). */
    public URI endpoint() {
        return endpoint;
    }

    /** The codec (profile, keys) this client uses. */
    public EnvelopeCodec codec() {
        return codec;
    }

    /**
     * Sends {@code request}, retrying under the same msgid until a verified answer arrives or the
     * total timeout is spent.
     *
     * @return the verified response: {@code infcode 0} or a definite refusal {@code -1}
     * @throws OutcomeUnknownException the request may have been committed (R-UPL-4)
     * @throws PlatformException       {@code PLATFORM_UNAVAILABLE} when nothing was ever delivered (at once
     *                                 while the circuit breaker is open), {@code HTTP_STATUS} when the
     *                                 platform refused to process it, {@code GATEWAY_REFUSED} when the
     *                                 service gateway did
     */
    public PlatformResponse send(PlatformRequest request) {
        if (!breaker.allows()) {
            throw new PlatformException(PlatformErrorCode.PLATFORM_UNAVAILABLE, null,
                    "platform unavailable, failing fast until " + breaker.retryAt() + " [target=" + target
                            + ", msgid=" + request.msgid() + "]");
        }
        Instant deadline = clock.instant().plus(callTimeout);
        boolean maybeDelivered = false;
        RuntimeException last = null;
        for (int attempt = 1; ; attempt++) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                break;
            }
            Duration timeout = remaining.compareTo(attemptTimeout) < 0 ? remaining : attemptTimeout;
            LOG.debug("sending [msgid={}, infno={}, attempt={}]", request.msgid(), request.infno(), attempt);
            try {
                PlatformResponse r = attempt(request, timeout);
                if (breaker.delivered()) {
                    LOG.warn("platform reachable again [target={}]", target);
                }
                return r;
            } catch (Retryable r) {
                maybeDelivered |= r.maybeDelivered;
                last = r.cause;
                LOG.debug("attempt failed [msgid={}, infno={}, attempt={}, reason={}, cause={}, target={}]",
                        request.msgid(), request.infno(), attempt, r.reason, causeName(r), target);
                if (r.maybeDelivered) {
                    breaker.delivered();
                } else if (breaker.undelivered()) {
                    LOG.warn("platform unavailable, failing fast [target={}, cause={}, msgid={}, infno={}]",
                            target, causeName(r), request.msgid(), request.infno());
                }
                if (!breaker.allows()) {
                    break;
                }
            } catch (PlatformException e) {
                breaker.delivered();
                throw e;
            }
            Duration pause = backoff.delayBeforeRetry(attempt, random);
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(pause) <= 0) {
                break;
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!maybeDelivered) {
            throw new PlatformException(PlatformErrorCode.PLATFORM_UNAVAILABLE, null,
                    "platform unreachable, nothing delivered [msgid=" + request.msgid() + "]", last);
        }
        throw new OutcomeUnknownException(request.msgid(), "no trustworthy answer within " + callTimeout, last);
    }

    private static String causeName(Retryable r) {
        Throwable c = r.cause;
        while (c != null && c.getCause() != null && c instanceof PlatformException) {
            c = c.getCause();
        }
        return c == null ? r.reason : c.getClass().getSimpleName();
    }

    /** Whether the circuit breaker currently lets calls through (for health checks). */
    public boolean available() {
        return breaker.state() != CircuitBreaker.State.OPEN;
    }

    private PlatformResponse attempt(PlatformRequest request, Duration timeout) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encodeRequest(request)));
        if (gateway != null) {
            gateway.headers(request.infno(), clock.millis()).forEach(rb::header);
        }
        HttpRequest httpRequest = rb.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, info -> new LimitedBody(codec.maxBodyBytes()));
        } catch (ConnectException | java.net.http.HttpConnectTimeoutException e) {
            throw new Retryable(false, "connect", e);
        } catch (HttpTimeoutException e) {
            throw new Retryable(true, "timeout", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
                throw new Retryable(false, "connect", e);
            }
            if (e.getCause() instanceof PlatformException pe) {
                throw new Retryable(true, pe.code(), pe);
            }
            throw new Retryable(true, "io", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Retryable(true, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new PlatformException(PlatformErrorCode.GATEWAY_REFUSED, null,
                    "service gateway refused the call, nothing processed [msgid=" + request.msgid() + "]");
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new Retryable(true, "http " + status,
                    new PlatformException(PlatformErrorCode.HTTP_STATUS, null, "HTTP " + status));
        }
        if (status != 200) {
            throw new PlatformException(PlatformErrorCode.HTTP_STATUS, null,
                    "HTTP " + status + " [msgid=" + request.msgid() + "]");
        }
        try {
            PlatformResponse r = codec.decodeResponse(response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
            LOG.debug("answered [msgid={}, infno={}, infcode={}]", request.msgid(), request.infno(), r.infcode());
            return r;
        } catch (PlatformException e) {
            // an untrustworthy answer: the platform may have committed; retry the same msgid
            throw new Retryable(true, e.code(), e);
        } catch (RuntimeException e) {
            // a body no decoder should choke on, but did: untrustworthy, the platform may have committed
            throw new Retryable(true, "MALFORMED_RESPONSE", new PlatformException(
                    PlatformErrorCode.MALFORMED_RESPONSE, null, "undecodable answer", e));
        }
    }

    /** A failed attempt that may be retried under the same msgid. */
    private static final class Retryable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean maybeDelivered;
        final String reason;
        final transient RuntimeException cause;

        Retryable(boolean maybeDelivered, String reason, Exception cause) {
            super(reason, null, false, false);
            this.maybeDelivered = maybeDelivered;
            this.reason = reason;
            this.cause = cause instanceof RuntimeException re ? re
                    : new PlatformException(PlatformErrorCode.OUTCOME_UNKNOWN, null, reason, cause);
        }
    }

    /** Collects a body, failing as soon as it exceeds the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private Flow.Subscription subscription;
        private int size;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                size += b.remaining();
                parts.add(b);
            }
            if (size > limit && !result.isDone()) {
                subscription.cancel();
                result.completeExceptionally(new PlatformException(PlatformErrorCode.RESPONSE_TOO_LARGE, null,
                        "response exceeds " + limit + " bytes"));
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            byte[] all = new byte[size];
            int at = 0;
            for (ByteBuffer b : parts) {
                int n = b.remaining();
                b.get(all, at, n);
                at += n;
            }
            result.complete(all);
        }
    }

    /** Builder of {@link PlatformClient}. */
    public static final class Builder {
        private URI endpoint;
        private EnvelopeCodec codec;
        private Duration attemptTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
        private RandomGenerator random;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock;
        private ApiGateway gateway;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private int breakerThreshold = 3;
        private Duration breakerOpenFor = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The service gateway's AK/SK and version, when the deployment has one (表 5). */
        public Builder gateway(ApiGateway g) {
            this.gateway = g;
            return this;
        }

        /** Timeout of establishing a connection (default 3 s; never longer than the attempt timeout). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d);
            return this;
        }

        /**
         * The circuit breaker: after {@code undeliveredCalls} consecutive attempts that delivered
         * nothing, fail fast for {@code openFor} (defaults 3 and 30 s).
         */
        public Builder circuitBreaker(int undeliveredCalls, Duration openFor) {
            if (undeliveredCalls < 1) {
                throw new PlatformException(PlatformErrorCode.INVALID_HEADER, "undeliveredCalls", "at least 1");
            }
            this.breakerThreshold = undeliveredCalls;
            this.breakerOpenFor = positive(openFor);
            return this;
        }

        /** The platform's URL (HTTPS in production; the simulator listens on loopback HTTP). */
        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        /** Signs requests and verifies responses. */
        public Builder codec(EnvelopeCodec c) {
            this.codec = c;
            return this;
        }

        /** Timeout of one HTTP exchange. */
        public Builder attemptTimeout(Duration d) {
            this.attemptTimeout = positive(d);
            return this;
        }

        /** Timeout of all attempts plus backoff. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive(d);
            return this;
        }

        /** Backoff between attempts. */
        public Builder backoff(Backoff b) {
            this.backoff = Objects.requireNonNull(b);
            return this;
        }

        /** Source of jitter. */
        public Builder random(RandomGenerator r) {
            this.random = r;
            return this;
        }

        /** How to wait between attempts. */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /** Clock of the deadlines. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** The client. */
        public PlatformClient build() {
            return new PlatformClient(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            return d;
        }
    }
}
