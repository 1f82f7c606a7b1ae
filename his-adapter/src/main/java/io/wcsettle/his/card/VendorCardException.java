package io.wcsettle.his.card;

import java.util.Optional;

/**
 * The reader vendor's {@code iReadCardBas} reported a failure: a non-zero return value, or a
 * status-prefixed {@code 0|<error text>|}. The return value is decoded to its meaning (the
 * published reader codes, PSAM codes, or a negated status word, see {@link VendorCardString});
 * the vendor's own error text is kept in {@link #vendorText()} but not put into the message, which
 * may reach logs while the text is the vendor's and unchecked.
 */
public final class VendorCardException extends CardReadException {

    private static final long serialVersionUID = 1L;

    private final int returnValue;
    private final String vendorText;

    VendorCardException(CardErrorCode code, int returnValue, String vendorText, String message, int statusWord) {
        super(code, "returnValue", message, statusWord);
        this.returnValue = returnValue;
        this.vendorText = vendorText;
    }

    /** What {@code iReadCardBas} returned ({@code 0} for a status-prefixed failure). */
    public int returnValue() {
        return returnValue;
    }

    /** The vendor's error text as it came in the output buffer, if there was any. */
    public Optional<String> vendorText() {
        return vendorText == null || vendorText.isEmpty() ? Optional.empty() : Optional.of(vendorText);
    }
}
