/**
 * Automatic follow-up (R-AUTO-1, R-AUTO-2; source 004 "免申即享"): the costs outside direct
 * settlement become a claim work order for the insured place with no application by the worker;
 * the order's state machine refuses illegal moves, and every change is an event for listeners.
 */
package io.wcsettle.core.followup;
