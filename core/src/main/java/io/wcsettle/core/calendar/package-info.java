/**
 * Working days under the State Council schedule (R-CAL-1), "within n working days" deadlines
 * (R-CAL-2), and strict ISO date input. Month periods (R-CAL-3) are plain
 * {@link java.time.LocalDate#plusMonths(long)} and live with the rules that use them.
 */
package io.wcsettle.core.calendar;
