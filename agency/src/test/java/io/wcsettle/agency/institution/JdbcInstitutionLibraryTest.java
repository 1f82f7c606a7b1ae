package io.wcsettle.agency.institution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.institution.AgreementState;
import io.wcsettle.core.institution.ChangeRefusal;
import io.wcsettle.core.institution.InstitutionChange;
import io.wcsettle.core.institution.RecordedChange;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Institution;

/** The institution library in H2 and in a real PostgreSQL server (R-INS-1). */
class JdbcInstitutionLibraryTest {

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres", "mariadb");
    }

    private static DataSource dataSource(String db) {
        if (db.equals("h2")) {
            return AgencySchema.h2File(dir.resolve("institutions-" + System.nanoTime()));
        }
        if (db.equals("mariadb")) {
            return MariaDbServer.server().freshDatabase();
        }
        Postgres.dropAgencyTables();
        return Postgres.dataSource();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("R-INS-1: append-only history survives a restart; facts on the admission date; idempotent change ids")
    void libraryOnDatabase(String db) {
        DataSource ds = dataSource(db);
        String code = "H43010200001";
        InstitutionChange agreed = InstitutionChange.agreement(code, new Admdvs("430102"), LocalDate.of(2025, 1, 1),
                EnumSet.of(SettlementKind.CROSS_PROVINCE, SettlementKind.LOCAL_NETWORKED));
        try (JdbcInstitutionLibrary lib = JdbcInstitutionLibrary.open(ds, Clock.systemUTC())) {
            assertEquals(Set.of(ChangeRefusal.NOT_AN_AGREEMENT_FIRST), lib.record("c0",
                    agreed.then(AgreementState.SUSPENDED, LocalDate.of(2025, 1, 1), ""), "clerk").refusals());
            ChangeOutcome first = lib.record("c1", agreed, "clerk");
            assertTrue(first.recorded());
            assertEquals(first, new ChangeOutcome(first.sequence(), false, Set.of()));
            assertTrue(lib.record("c1", agreed, "clerk").alreadyRecorded());
            assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class, () -> lib.record("c1",
                    agreed.then(AgreementState.CLOSED, LocalDate.of(2025, 2, 1), ""), "clerk")).code());
            assertTrue(lib.record("c2", agreed.then(AgreementState.SUSPENDED, LocalDate.of(2025, 6, 1), "audit"),
                    "clerk").recorded());
        }
        try (JdbcInstitutionLibrary lib = JdbcInstitutionLibrary.open(ds, Clock.systemUTC())) {
            assertEquals(2, lib.history(code).changes().size());
            // enabled for both kinds (R-LOC-1: the local-networked agreement is its own flag)
            assertEquals(Institution.builder(code, new Admdvs("430102")).crossProvince(true).localNetworked(true)
                            .build(), lib.institutionOn(code, LocalDate.of(2025, 5, 31)).orElseThrow());
            assertEquals(Institution.builder(code, new Admdvs("430102")).crossProvince(true).localNetworked(true)
                            .suspended(true).build(), lib.institutionOn(code, LocalDate.of(2025, 6, 1)).orElseThrow());
            assertFalse(lib.institutionOn(code, LocalDate.of(2024, 12, 31)).isPresent());
            List<RecordedChange> unreported = lib.unreported();
            assertEquals(2, unreported.size());
            lib.markReported(unreported.get(0).sequence(), LocalDate.of(2025, 1, 2));
            lib.markReported(unreported.get(0).sequence(), LocalDate.of(2025, 1, 3));
            assertEquals(List.of(unreported.get(1)), lib.unreported());
            assertEquals("UNKNOWN_ID", assertThrows(WcsettleException.class,
                    () -> lib.markReported(999_999, LocalDate.of(2025, 1, 2))).code());
            assertEquals(List.of(code), lib.codes());
        }
    }
}
