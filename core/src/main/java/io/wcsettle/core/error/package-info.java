/**
 * Typed errors with stable codes: one unchecked root, {@link io.wcsettle.core.error.WcsettleException},
 * carrying an {@link io.wcsettle.core.error.ErrorCode} (each layer has its own enum of codes,
 * {@link io.wcsettle.core.error.CoreErrorCode} here), the field at fault and
 * {@link io.wcsettle.core.error.WcsettleException#retryable()}. Bad input raises an
 * {@link io.wcsettle.core.error.InvalidInputException}; an unreadable source an
 * {@link io.wcsettle.core.error.IoFailureException} ({@code IO_FAILURE}). Business rejections are
 * never exceptions.
 *
 * <p><b>Where the line is.</b> Parsers and readers of outside data (strings, files, streams)
 * and the constructors, factories and builders of the values a caller fills in from its own
 * records (money, dates, admdvs codes, bills and their lines, stays, institutions, filings and
 * applications, catalogue rows, cost records, policy parameters) refuse bad input with a coded
 * error naming the field, {@code null} included ({@code INVALID_INPUT} "missing"). Arguments that
 * wire objects together (the policy, calendar or catalogues handed to an engine, listeners),
 * {@code null} passed to a query on an object already built, misuse of a stateful object's life
 * cycle and broken internal invariants stay {@link java.lang.NullPointerException} /
 * {@link java.lang.IllegalStateException}: they are bugs of the calling program, no data fix or
 * retry helps, and they fail on the first run.
 */
package io.wcsettle.core.error;
