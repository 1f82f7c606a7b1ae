/**
 * Reading the social security card: the {@link io.wcsettle.his.card.ApduChannel} port and its PC/SC
 * implementation ({@link io.wcsettle.his.card.PcscReaders}), the third-generation card reader
 * ({@link io.wcsettle.his.card.SocialSecurityCardReader}) with the PSAM port, the reader vendor's
 * {@code iReadCardBas} string ({@link io.wcsettle.his.card.VendorCardString}) and the electronic
 * card's QR token. Every fault is a {@link io.wcsettle.his.card.CardReadException} with a
 * {@link io.wcsettle.his.card.CardErrorCode}; no name, ID or card number is ever logged.
 */
package io.wcsettle.his.card;
