package io.wcsettle.his.card;

/**
 * Port to the PSAM (the security module, usually a second card in the reader) that lets a terminal
 * authenticate to a third-generation card before reading EF06. The card sends a challenge
 * ({@code 00 84}); the PSAM turns it into a cryptogram with a key diversified by the card's
 * identification code; the card checks it ({@code 00 82}). Implementations talk to the real module;
 * the testkit ships a simulated one.
 */
public interface Psam {

    /**
     * The external authentication cryptogram for {@code challenge}.
     *
     * @param cardIdentificationCode the card's identification code (record 01), for key
     *                               diversification; not personal data, but do not log it either
     * @param challenge              the card's challenge, 8 bytes
     * @return the cryptogram, 8 bytes
     * @throws CardReadException {@code PSAM_AUTH_FAILED} when the module fails
     */
    byte[] externalAuthenticationCryptogram(String cardIdentificationCode, byte[] challenge);

    /** The key id sent as P2 of EXTERNAL AUTHENTICATE; {@code 0x01} unless the profile says otherwise. */
    default int keyId() {
        return 0x01;
    }
}
