package io.wcsettle.his.platform;

import java.time.Duration;

/** Port: waiting between retries, injected so that tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
