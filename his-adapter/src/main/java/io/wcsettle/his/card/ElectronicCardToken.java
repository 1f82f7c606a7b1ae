package io.wcsettle.his.card;

/**
 * The token scanned from an electronic social security card's QR code. The HIS does not decode it:
 * the platform client resolves it to the person (an {@code iCheckESSCard}-style call with
 * {@link #CROSS_PROVINCE_BUSINESS_TYPE}). Valid: 1–1024 printable ASCII characters without spaces.
 * {@link #toString()} hides it.
 *
 * @param value the scanned text, as scanned
 */
public record ElectronicCardToken(String value) {

    /** Business type of the resolution call for cross-province care. */
    public static final String CROSS_PROVINCE_BUSINESS_TYPE = "04";

    /** Maximum accepted length. */
    public static final int MAX_LENGTH = 1024;

    /**
     * Validates the token.
     *
     * @throws CardReadException {@code INVALID_QR_TOKEN}
     */
    public ElectronicCardToken {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new CardReadException(CardErrorCode.INVALID_QR_TOKEN, "qrToken", "empty or longer than " + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new CardReadException(CardErrorCode.INVALID_QR_TOKEN, "qrToken", "not printable ASCII");
            }
        }
    }

    @Override
    public String toString() {
        return "ElectronicCardToken[length=" + value.length() + "]";
    }
}
