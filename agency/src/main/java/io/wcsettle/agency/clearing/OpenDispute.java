package io.wcsettle.agency.clearing;

import io.wcsettle.core.clearing.DisputeState;
import io.wcsettle.core.clearing.DisputedItem;
import io.wcsettle.core.clearing.Quarter;

/**
 * A disputed clearing item not yet resolved (R-CLR-7), for follow-up and the report (R-REP-1).
 *
 * @param quarter the disputed period
 * @param item    the item
 * @param state   raised or escalated
 */
public record OpenDispute(Quarter quarter, DisputedItem item, DisputeState state) {
}
