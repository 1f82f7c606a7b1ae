/**
 * The shape every reason shares ({@link io.wcsettle.core.rule.Reason}: code, rule id, source) and,
 * for the reasons a worker reads, the articles with the place and capacity each speaks for
 * ({@link io.wcsettle.core.rule.Citation}, {@link io.wcsettle.core.rule.Sources}).
 */
package io.wcsettle.core.rule;
