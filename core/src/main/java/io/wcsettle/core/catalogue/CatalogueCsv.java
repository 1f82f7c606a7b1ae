package io.wcsettle.core.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.calendar.IsoDate;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.IoFailureException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.UnitPrice;

/**
 * Reads a {@link Catalogue} from the plain CSV a HIS can export: UTF-8, one version per row,
 * comma-separated {@code code,from,until,limit} with a header row, dates ISO {@code yyyy-MM-dd},
 * {@code until} empty while open, {@code limit} (maximum unit price or device cap in yuan, at
 * most 6 decimals) empty for none. Blank lines and lines starting with {@code #} are skipped.
 *
 * <pre>
 * code,from,until,limit
 * BED01,2025-01-01,2025-12-31,60.00
 * BED01,2026-01-01,,70.00
 * X001,2024-01-01,,
 * </pre>
 *
 * <p>Codes are taken as written (no quoting, no trimming); a code containing a comma is not
 * supported. A UTF-8 byte-order mark before the header (as spreadsheet exports write it) is
 * skipped.
 */
public final class CatalogueCsv {

    private CatalogueCsv() {
    }

    /**
     * Reads every row of {@code csv} (the caller closes it).
     *
     * @throws InvalidInputException {@code INVALID_CATALOGUE}, {@code INVALID_DATE} or
     *                               {@code INVALID_AMOUNT} naming the row
     * @throws IoFailureException    {@code IO_FAILURE} when reading fails; nothing is returned
     */
    public static Catalogue read(Reader csv) {
        return read("catalogue CSV", "", csv);
    }

    /**
     * Reads the catalogue file at {@code path} (strict UTF-8, an optional byte-order mark).
     *
     * @throws InvalidInputException as {@link #read(Reader)}, naming the path and row; bytes that
     *                               are not UTF-8 are {@code INVALID_CATALOGUE}
     * @throws IoFailureException    {@code IO_FAILURE} naming the path when it cannot be read
     */
    public static Catalogue read(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(path.toString(), path + " ", in);
        } catch (IOException e) {
            throw new IoFailureException(path.toString(), e);
        }
    }

    /** {@code source} names the input in I/O errors, {@code rowPrefix} goes before "row N" in the others. */
    private static Catalogue read(String source, String rowPrefix, Reader csv) {
        Objects.requireNonNull(csv, "csv");
        Catalogue.Builder builder = Catalogue.builder();
        BufferedReader in = csv instanceof BufferedReader ? (BufferedReader) csv : new BufferedReader(csv);
        int row = 0;
        try {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                row++;
                if (row == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (line.startsWith("code,")) {
                        continue;
                    }
                }
                addRow(builder, line, rowPrefix + "row " + row);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, rowPrefix + "row " + (row + 1),
                    "not UTF-8 (at or after this row)");
        } catch (UncheckedIOException e) {
            throw new IoFailureException(source, e.getCause());
        } catch (IOException e) {
            throw new IoFailureException(source, e);
        }
        return builder.build();
    }

    private static void addRow(Catalogue.Builder builder, String line, String where) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, where, "expected 4 columns");
        }
        try {
            LocalDate from = IsoDate.parse(where + ".from", f[1]);
            LocalDate until = f[2].isEmpty() ? null : IsoDate.parse(where + ".until", f[2]);
            UnitPrice limit = f[3].isEmpty() ? null : UnitPrice.parse(where + ".limit", f[3]);
            builder.add(f[0], from, until, limit);
        } catch (WcsettleException e) {
            if (e.errorCode() == CoreErrorCode.INVALID_CATALOGUE) {
                throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, where, e.getMessage());
            }
            throw e;
        }
    }
}
