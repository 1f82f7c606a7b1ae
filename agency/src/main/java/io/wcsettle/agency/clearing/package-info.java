/**
 * Clearing in the agency database (R-CLR-7, -8): the registry that clears each record in exactly
 * one period, and the quarter's confirmation and dispute workflow.
 */
package io.wcsettle.agency.clearing;
