/**
 * Operation analysis (R-REP-1; IM Art. 50): the figures of a quarter or a year per province pair
 * and per institution — amounts, deduction rates, usage levels, monthly trend, overdue uploads,
 * open disputes — as plain tables for a renderer.
 */
package io.wcsettle.core.report;
