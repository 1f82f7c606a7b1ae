package io.wcsettle.agency.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

import io.wcsettle.agency.clearing.JdbcClearingDesk;
import io.wcsettle.agency.clearing.OpenDispute;
import io.wcsettle.agency.monthly.JdbcMonthlySettlement;
import io.wcsettle.agency.monthly.StatementView;
import io.wcsettle.agency.prepayment.JdbcQuotas;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.StatementState;
import io.wcsettle.core.report.OperationReport;
import io.wcsettle.core.report.ReportPeriod;

/**
 * Gathers an operation report (R-REP-1) from the agency database: the national tables of the
 * period's quarters (generated ones as stored; a quarter not generated yet from the records
 * registered so far), the quotas of their years, the monthly statements (superseded versions left
 * out), overdue uploads and open disputes on {@code today}.
 */
public final class ReportCollector {

    private ReportCollector() {
    }

    /** The report of {@code period} as of {@code today}. */
    public static OperationReport collect(ReportPeriod period, JdbcMonthlySettlement monthly, JdbcClearingDesk clearing,
            JdbcQuotas quotas, LocalDate today) {
        Objects.requireNonNull(today, "today");
        OperationReport.Builder b = OperationReport.builder(period);
        var generated = clearing.periods();
        for (Quarter q : period.quarters()) {
            ClearingTables tables = generated.contains(q) ? clearing.workflow(q).tables()
                    : ClearingTables.of(clearing.records(q).stream().map(DatedRecord::record).toList());
            b.clearing(q, tables);
        }
        period.quarters().stream().map(Quarter::year).distinct().forEach(y -> {
            for (Map.Entry<ProvincePair, Fen> e : quotas.of(y).entrySet()) {
                b.quota(e.getKey(), e.getValue());
            }
        });
        for (YearMonth m : period.months()) {
            for (StatementView v : monthly.statements(m)) {
                if (v.state() != StatementState.SUPERSEDED) {
                    b.statement(m, v.institution(), v.total());
                }
            }
        }
        monthly.overdueUploadCounts(today).forEach(b::overdueUploads);
        for (OpenDispute d : clearing.openDisputes()) {
            b.openDispute(d.quarter(), d.item(), d.state());
        }
        return b.build();
    }
}
