package io.wcsettle.his.card;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a HIS screen shows: a reader or a card came or went, or PC/SC itself did.
 *
 * @param type   what happened
 * @param reader the reader's PC/SC name; {@code null} for {@link Type#PCSC_UNAVAILABLE} and
 *               {@link Type#PCSC_AVAILABLE}
 */
public record CardReaderEvent(Type type, String reader) {

    /** What happened. */
    public enum Type {
        /** A reader appeared (also every reader found by the first poll). */
        READER_ADDED,
        /** A reader disappeared (unplugged, or PC/SC went away). */
        READER_REMOVED,
        /** A card was put into a reader (also a card already present when its reader appeared). */
        CARD_INSERTED,
        /** A card was taken out (also when its reader disappeared). */
        CARD_REMOVED,
        /** PC/SC cannot be reached (pcscd stopped, no library); readers were reported removed. */
        PCSC_UNAVAILABLE,
        /** PC/SC can be reached again (after {@link #PCSC_UNAVAILABLE}). */
        PCSC_AVAILABLE
    }

    /** Checks that reader events name their reader. */
    public CardReaderEvent {
        Objects.requireNonNull(type, "type");
        if ((type == Type.PCSC_UNAVAILABLE || type == Type.PCSC_AVAILABLE) != (reader == null)) {
            throw new IllegalArgumentException(type + " with reader " + reader);
        }
    }

    /** The reader, for reader and card events. */
    public Optional<String> readerName() {
        return Optional.ofNullable(reader);
    }
}
