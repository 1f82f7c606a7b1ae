package io.wcsettle.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.UnitPrice;

/** R-SET-3, R-SET-8: the catalogue reader and builder refuse bad input and failed reads with codes. */
class CatalogueCsvErrorsTest {

    @TempDir
    Path dir;

    private static Reader failing(IOException e, boolean unchecked) {
        return new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (unchecked) {
                    throw new UncheckedIOException(e);
                }
                throw e;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    @DisplayName("R-SET-3: a failing reader is IO_FAILURE, checked or unchecked (issue 17)")
    void failingReader_isIoFailure() {
        for (boolean unchecked : new boolean[] {false, true}) {
            WcsettleException e = assertThrows(WcsettleException.class,
                    () -> CatalogueCsv.read(failing(new IOException("disk gone"), unchecked)));
            assertEquals(CoreErrorCode.IO_FAILURE, e.errorCode());
            assertEquals("catalogue CSV", e.field());
            assertTrue(e.retryable());
        }
    }

    @Test
    @DisplayName("R-SET-3: read(Path) names the path: missing file IO_FAILURE, bad row INVALID_*, non-UTF-8 INVALID_CATALOGUE")
    void readPath() throws IOException {
        Path missing = dir.resolve("none.csv");
        WcsettleException e = assertThrows(WcsettleException.class, () -> CatalogueCsv.read(missing));
        assertEquals(CoreErrorCode.IO_FAILURE, e.errorCode());
        assertEquals(missing.toString(), e.field());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "code,from,until,limit\nX,2025-01-01,,1e3\n");
        e = assertThrows(InvalidInputException.class, () -> CatalogueCsv.read(bad));
        assertEquals(CoreErrorCode.INVALID_AMOUNT, e.errorCode());
        assertEquals(bad + " row 2.limit", e.field());

        Path gbk = Files.write(dir.resolve("gbk.csv"), "code,from,until,limit\n床位,2025-01-01,,\n".getBytes("GBK"));
        e = assertThrows(InvalidInputException.class, () -> CatalogueCsv.read(gbk));
        assertEquals(CoreErrorCode.INVALID_CATALOGUE, e.errorCode());

        Path bom = Files.writeString(dir.resolve("bom.csv"), "\uFEFFcode,from,until,limit\n床位01,2025-01-01,,60\n",
                StandardCharsets.UTF_8);
        assertEquals(60_000_000L, CatalogueCsv.read(bom).limitOn("床位01", LocalDate.of(2025, 6, 1)));
    }

    @Test
    @DisplayName("R-SET-3: the builder refuses missing values and dates beyond years 1..9999 with codes")
    void builder_typedErrors() {
        Catalogue.Builder b = Catalogue.builder();
        assertEquals(CoreErrorCode.INVALID_INPUT,
                assertThrows(InvalidInputException.class, () -> b.add(null, LocalDate.of(2025, 1, 1), null, null)).errorCode());
        assertEquals(CoreErrorCode.INVALID_INPUT,
                assertThrows(InvalidInputException.class, () -> b.add("X", null, null, null)).errorCode());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> b.add("X", LocalDate.MIN, LocalDate.MAX, null));
        assertEquals(CoreErrorCode.INVALID_DATE, e.errorCode());
        assertEquals("from", e.field());
        assertEquals(CoreErrorCode.INVALID_DATE, assertThrows(InvalidInputException.class,
                () -> b.add("X", LocalDate.of(2025, 1, 1), LocalDate.of(10_000, 1, 1), UnitPrice.ZERO)).errorCode());
        assertEquals(CoreErrorCode.INVALID_DATE, assertThrows(InvalidInputException.class,
                () -> CatalogueCsv.read(new StringReader("X,0000-01-01,,\n"))).errorCode());
    }
}
