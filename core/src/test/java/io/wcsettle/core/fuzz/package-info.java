/**
 * The fuzz suite of {@code core}: every public entry point that takes outside input (money, dates,
 * admdvs, calendar JSON, catalogue CSV, bills) gets a few thousand generated and mutated inputs in
 * {@code mvn verify}, each accepted-and-equal-to-a-reference or refused with a coded
 * {@link io.wcsettle.core.error.WcsettleException}, never another throwable, never a hang. See
 * {@link io.wcsettle.core.fuzz.Fuzz} for the knobs ({@code -Dwcsettle.fuzz.tries=100000}).
 */
package io.wcsettle.core.fuzz;
