package io.wcsettle.spring.boot.health;

import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.spring.boot.WcsettleAutoConfiguration;
import io.wcsettle.spring.boot.WcsettleProperties;

/**
 * Registers the {@code wcsettle} health indicator when Spring Boot Actuator is on the class path
 * ({@code management.health.wcsettle.enabled=false} turns it off).
 */
@AutoConfiguration(after = WcsettleAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean({PlatformClient.class, Outbox.class, CalendarSource.class})
@ConditionalOnEnabledHealthIndicator("wcsettle")
public class WcsettleHealthAutoConfiguration {

    /** Created by Spring. */
    public WcsettleHealthAutoConfiguration() {
    }

    /** The indicator; its name {@code wcsettleHealthIndicator} makes it the {@code wcsettle} component. */
    @Bean
    @ConditionalOnMissingBean(name = "wcsettleHealthIndicator")
    public WcsettleHealthIndicator wcsettleHealthIndicator(PlatformClient client, Outbox outbox,
                                                           CalendarSource calendar, @Qualifier(WcsettleAutoConfiguration.CLOCK) Clock clock,
                                                           WcsettleProperties p) {
        return new WcsettleHealthIndicator(client, outbox, calendar, clock, p.getHealth().isProbe(),
                p.getHealth().getProbeTimeout(), p.getHealth().getCalendarHorizon());
    }
}
