package io.wcsettle.core.audit;

/**
 * A record the audit could not check: its position in the input, the stable code and the field.
 * Bad records are reported and never stop the others from being checked.
 *
 * @param position 0-based position in the input stream
 * @param recordId the record id when it could be read, else {@code null}
 * @param code     stable error code, e.g. {@code DISCHARGE_BEFORE_ADMISSION}
 * @param field    the field at fault, or {@code null}
 */
public record RecordError(long position, String recordId, String code, String field) {
}
