/**
 * Signed messaging with the settlement platform (PROTOCOL.md; R-UPL-4): the request/response
 * envelope and a replaceable {@link io.wcsettle.his.platform.profile.TransactionProfile}, canonical JSON,
 * SM3withSM2 signing and verification behind the {@link io.wcsettle.his.platform.Signer} port,
 * optional SM4 payload encryption, msgids unique across threads and restarts, and
 * {@link io.wcsettle.his.platform.PlatformClient}: per-attempt and total timeouts, jittered
 * backoff, the same msgid on every retry, and a timeout reported as an unknown outcome.
 */
package io.wcsettle.his.platform;
