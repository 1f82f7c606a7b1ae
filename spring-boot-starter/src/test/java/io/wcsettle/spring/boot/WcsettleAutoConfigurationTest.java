package io.wcsettle.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.StepOutcome;
import io.wcsettle.his.session.Visit;
import io.wcsettle.spring.boot.health.WcsettleHealthAutoConfiguration;
import io.wcsettle.spring.boot.health.WcsettleHealthIndicator;

/** The auto-configuration in a real Spring application context, against the strict simulator (a test double of the platform). */
class WcsettleAutoConfigurationTest {

    @TempDir
    Path dir;

    SimulatedPlatform platform;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WcsettleAutoConfiguration.class,
                    WcsettleHealthAutoConfiguration.class));

    @BeforeEach
    void start() {
        platform = new SimulatedPlatform(dir);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    @DisplayName("properties alone: a HisSession bean that signs in (9001) and opens a visit (1101) on the simulator; outbox in the H2 file")
    void propertiesAloneGiveAWorkingSession() {
        runner.withPropertyValues(platform.properties()).run(context -> {
            assertThat(context).hasNotFailed();
            HisSession session = context.getBean(HisSession.class);
            Visit visit = session.open("ZY2026001", SimulatedPlatform.credential()).orElseThrow();
            assertThat(visit.person().psnNo()).isEqualTo("PSN001");
            assertThat(visit.insuredPlace().code()).isEqualTo("150102");
            assertThat(platform.simulator.served()).as("9001 and 1101 reached the simulator").isGreaterThanOrEqualTo(2);
            assertThat(context.getBean(Outbox.class).counts().get(OutboxState.DONE)).isEqualTo(1L);
            assertThat(Files.exists(dir.resolve("outbox.mv.db"))).as("no DataSource: the H2 file outbox").isTrue();
            assertThat(context.getBean(RequestHeader.class).fixmedinsCode()).isEqualTo(SimulatedPlatform.INSTITUTION);
        });
    }

    @Test
    @DisplayName("R-UPL-4: with a DataSource from spring.datasource.*, the outbox lives in it (no H2 file)")
    void outboxOnTheApplicationsDataSource() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(platform.properties("spring.datasource.url=jdbc:h2:mem:his;DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(HisSession.class).open("ZY2026002", SimulatedPlatform.credential()).orElseThrow();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wcs_outbox WHERE state = 'DONE'", Long.class))
                            .isEqualTo(1L);
                    assertThat(Files.exists(dir.resolve("outbox.mv.db"))).isFalse();
                });
    }

    @Test
    @DisplayName("wcsettle.outbox.store=datasource without a DataSource fails naming the property")
    void dataSourceStoreWithoutDataSource() {
        runner.withPropertyValues(platform.properties("wcsettle.outbox.store=datasource")).run(context ->
                assertThat(propertyOf(context.getStartupFailure())).isEqualTo("wcsettle.outbox.store"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHeader {
        @Bean
        RequestHeader myHeader() {
            return RequestHeader.builder().fixmedinsCode("H43010200009").fixmedinsName("自定义医院")
                    .mdtrtareaAdmvs("430102").recerSysCode("OWN").opter("9").opterName("自定义").build();
        }
    }

    @Test
    @DisplayName("an application's own bean wins: its RequestHeader is the session's and the outbox's (msgid prefix)")
    void applicationBeanOverrides() {
        runner.withUserConfiguration(OwnHeader.class).withPropertyValues(platform.properties()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(RequestHeader.class)).containsOnlyKeys("myHeader");
            StepOutcome<Visit> o = context.getBean(HisSession.class).open("ZY2026003", SimulatedPlatform.credential());
            assertThat(o.answered()).isTrue();
            assertThat(o.msgid()).startsWith("H43010200009");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        io.wcsettle.his.session.StepListener failing() {
            return (step, infno, outcome, elapsed) -> {
                throw new IllegalStateException("broken listener");
            };
        }

        @Bean
        io.wcsettle.his.session.StepListener recording() {
            return (step, infno, outcome, elapsed) -> seen.add(step + " " + infno + " " + outcome.answered());
        }
    }

    @Test
    @DisplayName("the application's StepListener beans are told of every step, a throwing one silencing no other; an application Clock in UTC is not the wcsettle clock")
    void stepListenerBeansAndClock() {
        runner.withUserConfiguration(Listeners.class).withBean("utc", Clock.class, Clock::systemUTC)
                .withPropertyValues(platform.properties()).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WcsettleAutoConfiguration.CLOCK, Clock.class).getZone())
                            .isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
                    assertThat(context.getBean(HisSession.class).open("ZY2026006", SimulatedPlatform.credential()).answered())
                            .isTrue();
                    assertThat(context.getBean(Listeners.class).seen).containsExactly("signin 9001 true", "person 1101 true");
                });
    }

    @ParameterizedTest(name = "{0} → fails naming {1}")
    @CsvSource({
            "wcsettle.platform.endpoint=,                 wcsettle.platform.endpoint",
            "wcsettle.platform.endpoint=ftp://x/,          wcsettle.platform.endpoint",
            "wcsettle.institution.code=H4301020000,       wcsettle.institution.code",
            "wcsettle.institution.admdvs=43010,           wcsettle.institution.admdvs",
            "wcsettle.operator.type=7,                    wcsettle.operator.type",
            "wcsettle.keys.platform-public-key=,          wcsettle.keys.platform-public-key",
            "wcsettle.keys.his-private-key=file:/nonexistent/his.pem, wcsettle.keys.his-private-key",
            "wcsettle.keys.sm4.key=00112233,              wcsettle.keys.sm4.key",
            "wcsettle.keys.sm4.key=00112233445566778899aabbccddeeff, wcsettle.keys.sm4.mode",
            "wcsettle.platform.gateway.access-key=AK1,    wcsettle.platform.gateway.secret-key",
            "wcsettle.treatment-catalogue=,               wcsettle.treatment-catalogue",
            "wcsettle.insured-places.150000.policy=440000, wcsettle.insured-places.150000.policy",
            "wcsettle.sign-in.mac=,                       wcsettle.sign-in.mac",
            "wcsettle.platform.call-timeout=0s,           wcsettle.platform.call-timeout",
            "wcsettle.outbox.workstation=4,               wcsettle.outbox.workstation",
    })
    @DisplayName("bad configuration fails at start-up with a WcsettlePropertyException naming the property")
    void badPropertyFailsNamingIt(String property, String named) {
        runner.withPropertyValues(platform.properties(property)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(propertyOf(context.getStartupFailure())).isEqualTo(named);
            assertThat(propertyException(context.getStartupFailure())).hasMessageContaining(named)
                    .hasMessageNotContaining("PRIVATE KEY");
        });
    }

    @Test
    @DisplayName("a broken catalogue CSV fails naming wcsettle.treatment-catalogue, with the SDK's code as the cause")
    void brokenCatalogue() throws Exception {
        Files.writeString(dir.resolve("broken.csv"), "code,from,until,limit\nXA01,2024-13-01,,\n");
        runner.withPropertyValues(platform.properties("wcsettle.treatment-catalogue=file:" + dir.resolve("broken.csv")))
                .run(context -> assertThat(propertyOf(context.getStartupFailure())).isEqualTo("wcsettle.treatment-catalogue"));
    }

    @Test
    @DisplayName("health: UP while the simulator listens; DOWN with the TCP probe failing once it stops; circuit open after undelivered steps")
    void healthUpThenDown() {
        runner.withPropertyValues(platform.properties("wcsettle.platform.circuit-breaker.undelivered-calls=1"))
                .run(context -> {
                    WcsettleHealthIndicator indicator = context.getBean("wcsettleHealthIndicator", WcsettleHealthIndicator.class);
                    HisSession session = context.getBean(HisSession.class);
                    session.open("ZY2026004", SimulatedPlatform.credential()).orElseThrow();
                    Health up = indicator.health();
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(detail(up, "platform")).containsEntry("circuit", "closed").containsEntry("tcp", "reachable");
                    assertThat(detail(up, "outbox")).containsEntry("unfinished", 0L);
                    assertThat(detail(up, "calendar")).containsEntry("coversToday", true);

                    platform.simulator.close();
                    Health tcpDown = indicator.health();
                    assertThat(tcpDown.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) detail(tcpDown, "platform").get("tcp")).startsWith("unreachable");

                    StepOutcome<Visit> o = session.open("ZY2026005", SimulatedPlatform.credential());
                    assertThat(o).isInstanceOf(StepOutcome.NotDelivered.class);
                    Health open = indicator.health();
                    assertThat(open.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(detail(open, "platform")).containsEntry("circuit", "open");
                    assertThat(detail(open, "outbox")).containsEntry("unfinished", 1L).containsKey("oldestUnfinishedAge");
                    assertThat(open.getDetails().toString()).doesNotContain(SimulatedPlatform.ID_NUMBER)
                            .doesNotContain(SimulatedPlatform.NAME);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Year2031 {
        @Bean(name = WcsettleAutoConfiguration.CLOCK)
        Clock clock() {
            return Clock.fixed(LocalDate.of(2031, 3, 2).atStartOfDay(SimulatedPlatform.CHINA).toInstant(),
                    SimulatedPlatform.CHINA);
        }
    }

    @Test
    @DisplayName("R-CAL-1: health is DOWN when the calendar does not cover the current year")
    void healthDownWithoutCalendarYear() {
        runner.withUserConfiguration(Year2031.class)
                .withPropertyValues(platform.properties("wcsettle.session.resume-on-start=false", "wcsettle.health.probe=false"))
                .run(context -> {
                    Health h = context.getBean(WcsettleHealthIndicator.class).health();
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(detail(h, "calendar")).containsEntry("coversToday", false);
                    assertThat(detail(h, "platform")).doesNotContainKey("tcp");
                    assertThat(h.getDetails().get("warnings").toString()).contains("2031");
                });
    }

    @Test
    @DisplayName("management.health.wcsettle.enabled=false removes the indicator; wcsettle.enabled=false removes everything")
    void switchesOff() {
        runner.withPropertyValues(platform.properties("management.health.wcsettle.enabled=false")).run(context ->
                assertThat(context).hasSingleBean(HisSession.class).doesNotHaveBean(WcsettleHealthIndicator.class));
        runner.withPropertyValues(platform.properties("wcsettle.enabled=false")).run(context ->
                assertThat(context).doesNotHaveBean(HisSession.class).doesNotHaveBean(EnvelopeCodec.class)
                        .doesNotHaveBean(PlatformClient.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Health h, String key) {
        return (Map<String, Object>) h.getDetails().get(key);
    }

    static String propertyOf(Throwable failure) {
        return propertyException(failure).field();
    }

    static WcsettlePropertyException propertyException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WcsettlePropertyException e) {
                return e;
            }
        }
        throw new AssertionError("no WcsettlePropertyException in " + failure, failure);
    }
}
