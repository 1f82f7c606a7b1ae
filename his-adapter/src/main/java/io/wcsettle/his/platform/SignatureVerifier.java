package io.wcsettle.his.platform;

/**
 * Port: verifies an SM3withSM2 signature ({@code r‖s}, 64 bytes) with a counterpart's public
 * key. Must be thread-safe.
 */
public interface SignatureVerifier {

    /** Whether {@code signature} is a valid signature of {@code message}; never throws for bad input. */
    boolean verify(byte[] message, byte[] signature);
}
