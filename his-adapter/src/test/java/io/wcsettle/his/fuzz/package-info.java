/**
 * Fuzz helpers of his-adapter, shared with the testkit's tests through his-adapter's test-jar:
 * {@link io.wcsettle.his.fuzz.JsonMutate} (JSON tree and text mutations). The harness itself is
 * core's {@code io.wcsettle.core.fuzz.Fuzz}.
 */
package io.wcsettle.his.fuzz;
