package io.wcsettle.core.institution;

/**
 * A change as the library holds it: its place in the append order and who recorded it.
 *
 * @param sequence   position in the library's append order, from 1
 * @param change     the change
 * @param recordedBy the person or system that recorded it
 */
public record RecordedChange(long sequence, InstitutionChange change, String recordedBy) {
}
