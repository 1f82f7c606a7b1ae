package io.wcsettle.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.Visit;
import io.wcsettle.spring.boot.SimulatedPlatform;

/**
 * A whole Spring Boot application (actuator, JDBC, H2 on the class path, so Boot makes an embedded
 * DataSource): properties alone give a session that settles a discharge on the simulator (a test
 * double of the platform); the outbox is in the application's database; health and metrics see it.
 */
@SpringBootTest(classes = TinyHisApplication.class,
        properties = {"management.endpoint.health.show-details=always", "spring.datasource.url=jdbc:h2:mem:tinyhis"})
class TinyHisApplicationTest {

    static Path dir() {
        try {
            return Files.createTempDirectory("tinyhis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SimulatedPlatform platform;

    @DynamicPropertySource
    static void wcsettle(DynamicPropertyRegistry registry) {
        platform = new SimulatedPlatform(dir());
        for (String p : platform.propertyList()) {
            int eq = p.indexOf('=');
            registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Autowired
    HisSession session;

    @Autowired
    DataSource dataSource;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("R-SET-11, R-UPL-4: 1101 → 2401 → 2301 → 2303 → 2304 through the bean; outbox rows in the app's DataSource; health UP; metrics recorded")
    void settlesADischarge() {
        Visit visit = session.open("ZY2026100", SimulatedPlatform.credential()).orElseThrow();
        visit.admit(platform.admission("ZY2026100")).orElseThrow();
        List<BillLine> lines = platform.lines();
        visit.uploadFees(SimulatedPlatform.fees(lines)).orElseThrow();
        Discharge d = visit.settle(platform.bill(visit, lines)).orElseThrow();
        assertThat(d.setlId()).isPresent();
        assertThat(d.platformDifferences()).isEmpty();
        assertThat(platform.simulator.settlements().size()).isEqualTo(1);

        Long rows = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM wcs_outbox WHERE state = 'DONE'", Long.class);
        assertThat(rows).isGreaterThanOrEqualTo(4L);

        HealthComponent all = health.health();
        HealthComponent wcsettle = ((CompositeHealth) all).getComponents().get("wcsettle");
        assertThat(wcsettle).as("the wcsettle component").isNotNull();
        assertThat(wcsettle.getStatus()).isEqualTo(Status.UP);

        Timer opened = meters.find("wcsettle.step").tag("step", "person").tag("infno", "1101").tag("outcome", "answered").timer();
        assertThat(opened).isNotNull();
        assertThat(opened.count()).isEqualTo(1);
        assertThat(meters.find("wcsettle.step.outcomes").tag("step", "settlement").tag("infno", "2304")
                .tag("outcome", "answered").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("wcsettle.step").tag("step", "signin").tag("infno", "9001").timer()).isNotNull();
        assertThat(meters.find("wcsettle.outbox.entries").tag("state", "DONE").gauge().value()).isGreaterThanOrEqualTo(4.0);
        assertThat(meters.find("wcsettle.outbox.oldest.unfinished").timeGauge().value()).isZero();
        assertThat(meters.find("wcsettle.platform.available").gauge().value()).isEqualTo(1.0);
    }
}
