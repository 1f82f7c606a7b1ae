package io.wcsettle.his.platform;

/**
 * Port: signs message bytes with the institution's SM2 key (SM3withSM2, GM/T 0003/0004).
 * Implementations may keep the key in memory ({@link Sm2Signer}), in any JCA provider
 * ({@link JcaSigner}, e.g. a hardware module) or elsewhere. Must be thread-safe.
 */
public interface Signer {

    /** The signature of {@code message}: the 64 bytes {@code r‖s}. */
    byte[] sign(byte[] message);
}
