package io.wcsettle.his.card;

import io.wcsettle.core.error.WcsettleException;

/**
 * A card could not be read, or what it holds was refused whole. Carries a {@link CardErrorCode};
 * the message never contains a name, ID number or card number.
 */
public class CardReadException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** A fault of {@code field} (a record or vendor field name), or of no field ({@code null}). */
    public CardReadException(CardErrorCode code, String field, String message) {
        super(code, field, message);
    }

    /** As {@link #CardReadException(CardErrorCode, String, String)}, with a cause. */
    public CardReadException(CardErrorCode code, String field, String message, Throwable cause) {
        super(code, field, message, cause);
    }

    /** The card error code. */
    public CardErrorCode cardErrorCode() {
        return (CardErrorCode) errorCode();
    }
}
