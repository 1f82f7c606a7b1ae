package io.wcsettle.core.clearing;

/**
 * A bad row of a clearing CSV file.
 *
 * @param file    the file name as given to the reader
 * @param line    1-based line number (the header is line 1)
 * @param field   the CSV column at fault
 * @param code    stable code: {@code MALFORMED_ROW}, {@code INVALID_ADMDVS}, {@code INVALID_AMOUNT},
 *                {@code INVALID_DATE}, {@code NOT_CROSS_PROVINCE} or {@code DUPLICATE_RECORD_ID}
 * @param message detail, without the row's content
 */
public record CsvRowProblem(String file, long line, String field, String code, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + code + " (" + message + ")";
    }
}
