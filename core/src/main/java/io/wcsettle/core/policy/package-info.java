/**
 * Regional policy parameters: every value on which the sources differ (RULES.md, "Regional
 * profiles shipped"), never a constant in the rules. Unknown ids are {@code UNKNOWN_POLICY}.
 */
package io.wcsettle.core.policy;
