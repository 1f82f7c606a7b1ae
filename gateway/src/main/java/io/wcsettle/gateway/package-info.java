/**
 * The local HTTP gateway: the discharge workflow of {@link io.wcsettle.his.session.HisSession} and
 * {@link io.wcsettle.his.session.Visit} as JSON over HTTP on 127.0.0.1, for a HIS that is not written
 * in Java. {@link io.wcsettle.gateway.Gateway} is the server, {@link io.wcsettle.gateway.GatewayConfig}
 * its configuration file, {@link io.wcsettle.gateway.AccessToken} the local bearer token and
 * {@link io.wcsettle.gateway.ErrorBody} the typed error every failure answers with. The OpenAPI
 * document ({@code /openapi.json}) is the resource {@code io/wcsettle/gateway/openapi.json}.
 */
package io.wcsettle.gateway;
