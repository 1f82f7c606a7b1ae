/**
 * Reading the social security card: the {@link io.wcsettle.his.card.ApduChannel} port and its PC/SC
 * implementation ({@link io.wcsettle.his.card.PcscReaders}, which re-establishes the JDK's PC/SC
 * context after pcscd restarts and reports reader and card events through a
 * {@link io.wcsettle.his.card.CardReaderMonitor}), the card reader
 * ({@link io.wcsettle.his.card.SocialSecurityCardReader}: second and third generation, both
 * READ RECORD styles and Le forms, PSAM external authentication, PIN typed or on a PIN pad), the
 * card value ({@link io.wcsettle.his.card.SocialSecurityCard}, every EF05/EF06 item typed), GB 11643
 * numbers ({@link io.wcsettle.his.card.IdNumber}), the reader vendor's {@code iReadCardBas} string in
 * every published form ({@link io.wcsettle.his.card.VendorCardString}) and the electronic card's QR
 * token. Every fault is a {@link io.wcsettle.his.card.CardReadException} with a
 * {@link io.wcsettle.his.card.CardErrorCode}; every status word of PROTOCOL.md has its own
 * ({@link io.wcsettle.his.card.StatusWord}). No name, ID number, card number or PIN is ever logged.
 */
package io.wcsettle.his.card;
