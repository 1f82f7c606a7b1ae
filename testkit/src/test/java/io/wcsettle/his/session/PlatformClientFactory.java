package io.wcsettle.his.session;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import io.wcsettle.his.platform.PlatformClient;

/** Clients for the outage tests. */
final class PlatformClientFactory {

    private PlatformClientFactory() {
    }

    /** A client to a loopback port nothing listens on. */
    static PlatformClient down(World world) {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return world.client().endpoint(URI.create("http://127.0.0.1:" + port + "/"))
                .circuitBreaker(3, Duration.ofSeconds(30)).build();
    }
}
