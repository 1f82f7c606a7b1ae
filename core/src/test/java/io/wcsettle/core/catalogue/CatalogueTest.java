package io.wcsettle.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.UnitPrice;

class CatalogueTest {

    private static final String CSV = """
            code,from,until,limit
            # bed fee per day
            BED01,2025-01-01,2025-12-31,60.00
            BED01,2026-01-01,,70.00
            X001,2024-01-01,,

            D100,2024-01-01,,3000.000001
            """;

    @Test
    @DisplayName("R-SET-8: the version in force on the day applies; none in force means not listed")
    void versions() {
        Catalogue c = CatalogueCsv.read(new StringReader(CSV));
        assertEquals(3, c.size());
        assertEquals(60_000_000L, c.limitOn("BED01", LocalDate.of(2025, 12, 31)));
        assertEquals(70_000_000L, c.limitOn("BED01", LocalDate.of(2026, 1, 1)));
        assertEquals(Catalogue.NOT_LISTED, c.limitOn("BED01", LocalDate.of(2024, 12, 31)));
        assertEquals(Catalogue.NO_LIMIT, c.limitOn("X001", LocalDate.of(2030, 1, 1)));
        assertEquals(3_000_000_001L, c.limitOn("D100", LocalDate.of(2025, 1, 1)));
        assertEquals(Catalogue.NOT_LISTED, c.limitOn("X002", LocalDate.of(2025, 1, 1)));
    }

    @Test
    @DisplayName("R-SET-8: overlapping versions of a code are refused")
    void overlapRefused() {
        Catalogue.Builder b = Catalogue.builder()
                .add("BED01", LocalDate.of(2025, 1, 1), null, UnitPrice.ofFen(6000))
                .add("BED01", LocalDate.of(2026, 1, 1), null, UnitPrice.ofFen(7000));
        InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
        assertEquals(CoreErrorCode.INVALID_CATALOGUE, e.errorCode());
    }

    @Test
    @DisplayName("R-SET-3: malformed CSV rows are refused with a typed error naming the row")
    void badRows() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CatalogueCsv.read(new StringReader("code,from,until,limit\nX,2025-01-01\n")));
        assertEquals(CoreErrorCode.INVALID_CATALOGUE, e.errorCode());
        assertEquals("row 2", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> CatalogueCsv.read(new StringReader("X,2025-13-01,,\n")));
        assertEquals(CoreErrorCode.INVALID_DATE, e.errorCode());
        e = assertThrows(InvalidInputException.class,
                () -> CatalogueCsv.read(new StringReader("X,2025-01-01,2024-01-01,\n")));
        assertEquals(CoreErrorCode.INVALID_CATALOGUE, e.errorCode());
    }

    @Test
    @DisplayName("R-SET-3: a large catalogue finds every code it holds and none it does not")
    void largeCatalogue() {
        Catalogue.Builder b = Catalogue.builder();
        LocalDate from = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            b.add("C" + i, from, null, UnitPrice.ofFen(i));
        }
        Catalogue c = b.build();
        long day = LocalDate.of(2025, 6, 1).toEpochDay();
        for (int i = 0; i < 20_000; i++) {
            assertEquals(i * 10_000L, c.limitOn("C" + i, day));
            assertEquals(Catalogue.NOT_LISTED, c.limitOn("D" + i, day));
        }
    }
}
