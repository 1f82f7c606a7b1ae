package io.wcsettle.his.card;

import java.util.OptionalInt;

import io.wcsettle.core.error.WcsettleException;

/**
 * A card could not be read, or what it holds was refused whole. Carries a {@link CardErrorCode},
 * the item or step at fault ({@link #field()}), and, when a card status word caused it, that status
 * word ({@link #statusWord()}; for {@code 63Cx} also {@link #triesLeft()}). The message never
 * contains a name, ID number, card number or PIN.
 */
public class CardReadException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    private final int statusWord;

    /** A fault of {@code field} (an item, step or vendor field name), or of no field ({@code null}). */
    public CardReadException(CardErrorCode code, String field, String message) {
        this(code, field, message, null, -1);
    }

    /** As {@link #CardReadException(CardErrorCode, String, String)}, with a cause. */
    public CardReadException(CardErrorCode code, String field, String message, Throwable cause) {
        this(code, field, message, cause, -1);
    }

    /**
     * A fault the card reported with {@code statusWord} ({@code 0x0000}–{@code 0xFFFF}).
     *
     * @param code       the error code
     * @param field      the item or step at fault, or {@code null}
     * @param message    detail without personal data
     * @param statusWord the status word the card answered
     */
    public CardReadException(CardErrorCode code, String field, String message, int statusWord) {
        this(code, field, message, null, statusWord);
    }

    private CardReadException(CardErrorCode code, String field, String message, Throwable cause, int statusWord) {
        super(code, field, message, cause);
        this.statusWord = statusWord;
    }

    /** The card error code. */
    public CardErrorCode cardErrorCode() {
        return (CardErrorCode) errorCode();
    }

    /** The status word that caused the fault, if a card (or a negated vendor return value) reported one. */
    public OptionalInt statusWord() {
        return statusWord < 0 ? OptionalInt.empty() : OptionalInt.of(statusWord);
    }

    /** For {@code 63Cx} ({@link CardErrorCode#PIN_INCORRECT}): the tries left, x. */
    public OptionalInt triesLeft() {
        int left = StatusWord.triesLeft(statusWord);
        return left < 0 ? OptionalInt.empty() : OptionalInt.of(left);
    }
}
