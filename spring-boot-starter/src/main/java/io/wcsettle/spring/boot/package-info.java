/**
 * Spring Boot auto-configuration of the wcsettle HIS session from {@code wcsettle.*} properties:
 * {@link io.wcsettle.spring.boot.WcsettleAutoConfiguration} builds the codec, platform client,
 * request header, outbox, catalogues, policies and the session; {@code health} adds the
 * {@code wcsettle} health indicator and {@code metrics} the Micrometer meters, each only when its
 * library is on the class path. Every bean backs off when the application defines its own.
 */
package io.wcsettle.spring.boot;
