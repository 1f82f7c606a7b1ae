/**
 * {@link io.wcsettle.testkit.platform.PlatformSimulator}: an embedded settlement platform on a JDK
 * HTTP server for tests and integrators. It verifies signatures, is idempotent by msgid, keeps its
 * own store and injects faults on request (delay, dropped response after commit, HTTP 500,
 * corrupt signature, duplicate delivery). A test double, named as one.
 */
package io.wcsettle.testkit.platform;
