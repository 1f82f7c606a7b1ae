/**
 * The HIS adapter: what a hospital information system embeds on top of {@code core}. Card
 * reading, platform messaging, the durable outbox and the discharge workflow land here in
 * their own sub-packages ({@code card}, {@code platform}, {@code outbox}, {@code session}); the test doubles live in the separate {@code wcsettle-testkit} artifact.
 */
package io.wcsettle.his;
