package io.wcsettle.gateway;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;

import io.wcsettle.core.error.WcsettleException;

/**
 * {@code java -cp … io.wcsettle.gateway.GatewayMain CONFIG}: runs the gateway until the process is
 * stopped. The runnable jar's {@code serve --config CONFIG} does the same with its command line.
 * Prints one line {@code listening on http://127.0.0.1:PORT (token in FILE)} when ready, or one
 * {@code error: …} line naming the setting and exits 2.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    /** Runs the gateway of the configuration file {@code args[0]}. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: GatewayMain CONFIG");
            System.exit(2);
        }
        Served s;
        try {
            s = Served.start(Path.of(args[0]), Clock.system(ZoneId.of("Asia/Shanghai")));
        } catch (WcsettleException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(s.banner());
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * A running gateway with its session: started from a configuration file, closed together.
     *
     * @param gateway  the server
     * @param opened   what the configuration opened
     * @param resumed  how many outbox entries were still unfinished after the start-up resume
     */
    public record Served(Gateway gateway, GatewayConfig.Opened opened, int resumed) implements AutoCloseable {

        /** The JDK server's limit, in seconds, on reading one request (set to 30 unless given). */
        public static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

        /**
         * Loads {@code config}, opens the session, finishes what a crash left in the outbox
         * ({@code resume}), then listens.
         *
         * @throws WcsettleException {@code CONFIG_INVALID} naming the setting, or the SDK's error
         */
        public static Served start(Path config, Clock clock) {
            return start(GatewayConfig.load(config), clock);
        }

        /** As {@link #start(Path, Clock)}, from settings already read. */
        public static Served start(GatewayConfig config, Clock clock) {
            if (System.getProperty(MAX_REQUEST_TIME) == null) {
                System.setProperty(MAX_REQUEST_TIME, "30"); // a client that stalls mid-request frees its thread
            }
            GatewayConfig.Opened o = config.open(clock, new SecureRandom());
            try {
                int left = o.session().resume();
                return new Served(o.start(clock), o, left);
            } catch (RuntimeException e) {
                o.session().close();
                throw e;
            }
        }

        /** The line a user reads when it is ready; it names the token's file, never the token. */
        public String banner() {
            return "listening on " + gateway.uri() + " (token in " + opened.token().file().toAbsolutePath() + ")"
                    + (resumed > 0 ? "; " + resumed + " outbox entries still unfinished" : "");
        }

        /** Stops listening and closes the session (and its outbox). */
        @Override
        public void close() {
            gateway.close();
            opened.session().close();
        }
    }
}
