/**
 * Automatic follow-up (R-AUTO-1, R-AUTO-2; source 004 "免申即享"): a settlement's data gives its
 * claims for the insured place ({@link io.wcsettle.core.followup.FollowUpClaims}: meal allowance
 * by the insured place's daily standard × inpatient days, referral transport, manual claims) with
 * no application by the worker; a {@link io.wcsettle.core.followup.FollowUpDesk} raises each as a
 * work order once, moves it through its states (approval with the approved amount, the R-UPL-3
 * duplicate check before payment), and every change is an event for listeners.
 */
package io.wcsettle.core.followup;
