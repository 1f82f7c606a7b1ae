/**
 * Test doubles shipped for integrators: a {@link io.wcsettle.testkit.card.SimulatedSocialSecurityCard}
 * (files, records, security state, status words) usable in-process as an
 * {@link io.wcsettle.his.card.ApduChannel} or, through {@link io.wcsettle.testkit.card.VpcdCard}, as a
 * virtual card behind pcscd's vpcd reader driver; a {@link io.wcsettle.testkit.card.SimulatedPsam};
 * and {@link io.wcsettle.testkit.card.PcscDaemon} to start pcscd for an end-to-end test. Doubles only:
 * the simulated cryptography protects nothing.
 */
package io.wcsettle.testkit.card;
