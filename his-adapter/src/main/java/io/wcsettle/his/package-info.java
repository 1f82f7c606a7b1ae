/**
 * The HIS adapter: what a hospital information system embeds on top of {@code core}. Card
 * reading, platform messaging, the durable outbox and the platform simulator land here in
 * their own sub-packages ({@code card}, {@code platform}, {@code outbox}, {@code simulator}).
 */
package io.wcsettle.his;
