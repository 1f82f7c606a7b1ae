/**
 * Test doubles shipped for integrators: a {@link io.wcsettle.his.testkit.SimulatedSocialSecurityCard}
 * (files, records, security state, status words) usable in-process as an
 * {@link io.wcsettle.his.card.ApduChannel} or, through {@link io.wcsettle.his.testkit.VpcdCard}, as a
 * virtual card behind pcscd's vpcd reader driver; a {@link io.wcsettle.his.testkit.SimulatedPsam};
 * and {@link io.wcsettle.his.testkit.PcscDaemon} to start pcscd for an end-to-end test. Doubles only:
 * the simulated cryptography protects nothing.
 */
package io.wcsettle.his.testkit;
