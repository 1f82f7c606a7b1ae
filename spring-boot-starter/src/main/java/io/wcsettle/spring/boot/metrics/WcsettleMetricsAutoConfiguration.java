package io.wcsettle.spring.boot.metrics;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.spring.boot.WcsettleAutoConfiguration;

/**
 * Micrometer meters of the session, when Micrometer is on the class path and the application has
 * a {@link MeterRegistry} (Spring Boot Actuator makes one): {@link MicrometerStepListener} and
 * {@link OutboxMeters}.
 */
@AutoConfiguration(after = WcsettleAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, Outbox.class, PlatformClient.class})
public class WcsettleMetricsAutoConfiguration {

    /** Created by Spring. */
    public WcsettleMetricsAutoConfiguration() {
    }

    /** Step latency and outcomes; the session is told of every step. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerStepListener wcsettleMicrometerStepListener(MeterRegistry registry) {
        return new MicrometerStepListener(registry);
    }

    /** Outbox state and platform availability gauges (bound to every registry by Spring Boot). */
    @Bean
    @ConditionalOnMissingBean
    public OutboxMeters wcsettleOutboxMeters(Outbox outbox, PlatformClient client, @Qualifier(WcsettleAutoConfiguration.CLOCK) Clock clock) {
        return new OutboxMeters(outbox, client, clock);
    }
}
