/**
 * wcsettle core: the pure domain of work-injury cross-province direct settlement. Requires only
 * {@code java.base}.
 */
module io.wcsettle.core {
    exports io.wcsettle.core.error;
    exports io.wcsettle.core.rule;
    exports io.wcsettle.core.money;
    exports io.wcsettle.core.region;
    exports io.wcsettle.core.calendar;
    exports io.wcsettle.core.policy;
    exports io.wcsettle.core.filing;
    exports io.wcsettle.core.upload;
    exports io.wcsettle.core.catalogue;
    exports io.wcsettle.core.settlement;
    exports io.wcsettle.core.audit;
    exports io.wcsettle.core.followup;
    exports io.wcsettle.core.discharge;
    exports io.wcsettle.core.local;
    exports io.wcsettle.core.prepayment;
    exports io.wcsettle.core.clearing;
    exports io.wcsettle.core.ledger;
    exports io.wcsettle.core.institution;
    exports io.wcsettle.core.monthly;
    exports io.wcsettle.core.payment;
    exports io.wcsettle.core.report;
}
