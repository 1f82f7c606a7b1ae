/**
 * Card test doubles for integrators: a {@link io.wcsettle.testkit.card.SimulatedSocialSecurityCard}
 * (files, TLV records, security state, PIN counter, status words from
 * {@link io.wcsettle.his.card.StatusWord}) with configurable {@link io.wcsettle.testkit.card.CardLayout}s,
 * protections and generations, stricter than real cards, usable in-process as an
 * {@link io.wcsettle.his.card.ApduChannel} or, through {@link io.wcsettle.testkit.card.VpcdCard}, as a
 * virtual card behind pcscd's vpcd reader driver; a {@link io.wcsettle.testkit.card.SimulatedPsam};
 * {@link io.wcsettle.testkit.card.SampleIds} (valid fictitious ID numbers, check characters from the
 * production {@link io.wcsettle.his.card.IdNumber}); and {@link io.wcsettle.testkit.card.PcscDaemon} to
 * start pcscd (or own a restartable one) for end-to-end tests. Doubles only: the simulated
 * cryptography protects nothing.
 */
package io.wcsettle.testkit.card;
