package io.wcsettle.examples.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.wcsettle.agency.clearing.JdbcClearingDesk;
import io.wcsettle.agency.ledger.JdbcLedger;
import io.wcsettle.agency.monthly.JdbcMonthlySettlement;
import io.wcsettle.agency.monthly.StatementView;
import io.wcsettle.agency.payment.JdbcPayments;
import io.wcsettle.agency.prepayment.JdbcQuotas;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingWorkflow;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.DisputedItem;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.payment.BankConfirmation;
import io.wcsettle.core.payment.BusinessType;
import io.wcsettle.core.payment.Direction;
import io.wcsettle.core.payment.Payment;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.prepayment.PaymentChain;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * A synthetic year of the Hunan provincial agency (treatment place Changsha) run through the real
 * agency stores, for the {@code report} command's {@code --demo} and its tests: hospitals' direct
 * settlements (30-character ids, shuffled, some sent twice, some cancelled, some uploaded late),
 * monthly statements confirmed or disputed and corrected, the national clearing records of the
 * other pairs, quarterly tables generated on the 21st, confirmed or disputed, one dispute resolved
 * by an adjustment and one left open, quotas, and the quarter's clearing payments confirmed by the
 * bank. Deterministic for a seed. Test data, not real figures.
 */
public final class AgencyYear {

    static final Admdvs CHANGSHA = new Admdvs("430102");
    static final String[] INSURED = {"110105", "150102", "440106", "420102", "510104", "430105"};
    static final String[] OTHER_PROVINCES = {"110000", "150000", "440000", "420000", "510000", "330000"};
    static final String[] HOSPITALS = {"H43010200001", "H43010200002", "H43010300005", "H43010500007", "H43011100003"};

    private AgencyYear() {
    }

    /** What the seeding did. */
    public record Summary(int settlements, int statements, int disputes, int payments) {
    }

    /** Runs {@code year} into the agency database {@code ds}; {@code perMonth} settlements a month. */
    public static Summary seed(DataSource ds, int year, int perMonth, long seed) {
        Random random = new Random(seed);
        WorkingDayCalendar calendar = WorkingDayCalendar.chinaOfficial();
        Clock clock = Clock.fixed(LocalDate.of(year + 1, 1, 10).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        UploadDeadlines deadlines = new UploadDeadlines(RegionalPolicies.BEIJING, calendar);
        int settlements = 0;
        int statements = 0;
        int disputes = 0;
        int payments = 0;
        try (JdbcMonthlySettlement monthly = JdbcMonthlySettlement.open(ds, clock, deadlines);
             JdbcClearingDesk desk = JdbcClearingDesk.open(ds, clock);
             JdbcQuotas quotas = JdbcQuotas.open(ds, clock);
             JdbcLedger ledger = JdbcLedger.open(ds, clock);
             JdbcPayments pay = JdbcPayments.open(ds, clock, ledger, new PaymentChain(calendar))) {
            long serial = 1;
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                List<DirectSettlement> batch = new ArrayList<>();
                int n = perMonth + random.nextInt(perMonth / 2 + 1) + (m >= 10 ? perMonth / 2 : 0);
                for (int i = 0; i < n; i++) {
                    String id = String.format("43%04d%02d%022d", year, m, (serial++ * 2_654_435_761L) % 10_000_000_019L);
                    Admdvs insured = new Admdvs(INSURED[weighted(random)]);
                    SettlementKind kind = insured.sameProvince(CHANGSHA) ? SettlementKind.LOCAL_NETWORKED
                            : SettlementKind.CROSS_PROVINCE;
                    long medical = 200_000 + (long) (random.nextDouble() * random.nextDouble() * 6_000_000);
                    long fund = medical * (80 + random.nextInt(21)) / 100;
                    String hospital = HOSPITALS[random.nextInt(HOSPITALS.length)];
                    int strictness = hospital.endsWith("7") ? 12 : 3;
                    long deduction = random.nextInt(100) < strictness * 3 ? fund * (1 + random.nextInt(strictness)) / 100 : 0;
                    batch.add(new DirectSettlement(id, hospital, kind, insured, CHANGSHA,
                            month.atDay(1 + random.nextInt(month.lengthOfMonth())), Fen.of(medical), Fen.of(fund),
                            Fen.of(deduction)));
                }
                java.util.Collections.shuffle(batch, random);
                List<DirectSettlement> withRepeats = new ArrayList<>(batch);
                withRepeats.addAll(batch.subList(0, batch.size() / 20)); // resent by the HIS
                monthly.receive(withRepeats);
                settlements += batch.size();
                for (DirectSettlement s : batch) {
                    int r = random.nextInt(100);
                    if (r < 93) {
                        monthly.markUploaded(s.settlementId(), s.settledOn().plusDays(1 + random.nextInt(5)));
                    } else if (r < 97) {
                        monthly.markUploaded(s.settlementId(), s.settledOn().plusDays(12));
                    }
                }
                for (int k = 0; k < batch.size() / 50; k++) {
                    monthly.cancel(batch.get(k).settlementId(), month.atEndOfMonth(), "agency-clerk");
                }
                LocalDate issueOn = month.plusMonths(1).atDay(5);
                for (StatementView v : monthly.issue(month, issueOn, "agency-clerk")) {
                    statements++;
                    if (random.nextInt(10) == 0) {
                        monthly.dispute(v.statementId(), issueOn.plusDays(3), v.institution(), "deductions questioned");
                        String first = monthly.contents(v.statementId()).settlements().get(0).settlementId();
                        monthly.reviseDeduction(first, Fen.ZERO, "agency-auditor");
                        monthly.reissue(v.statementId(), issueOn.plusDays(6), "agency-clerk").ifPresent(v2 ->
                                monthly.confirm(v2.statementId(), issueOn.plusDays(9), v2.institution()));
                        statements++;
                    } else {
                        monthly.confirm(v.statementId(), issueOn.plusDays(4 + random.nextInt(6)), v.institution());
                    }
                }
            }
            for (int q = 1; q <= 4; q++) {
                Quarter quarter = Quarter.of(year, q);
                desk.registerRecords("file:national-" + quarter + ".csv", nationalRecords(quarter, random));
                ClearingWorkflow w = desk.generate(quarter, quarter.schedule().generatedOn(), "national-system");
                LocalDate gen = quarter.schedule().generatedOn();
                desk.distribute(quarter, gen, "hn-province-agency");
                for (Admdvs p : w.provinces()) {
                    if (q == 3 && p.code().equals("430000")) {
                        PairTotal t = w.tables().receivableTable(p).get(0);
                        desk.dispute(quarter, new DisputedItem("D-" + quarter + "-1", p, t.pair(), "", "",
                                Fen.of(-123_400), "two records cancelled after confirmation"), gen.plusDays(3), "hn-clerk");
                        disputes++;
                    } else if (q == 4 && p.code().equals("150000")) {
                        PairTotal t = w.tables().payableTable(p).get(0);
                        desk.dispute(quarter, new DisputedItem("D-" + quarter + "-1", p, t.pair(), "", "",
                                Fen.of(-56_780), "deduction not agreed"), gen.plusDays(4), "nm-clerk");
                        disputes++;
                    } else {
                        desk.confirm(quarter, p, gen.plusDays(p.code().equals("510000") ? 6 : 2), p.code() + "-clerk");
                    }
                }
                if (q == 3) {
                    desk.escalate(quarter, "D-" + quarter + "-1", gen.plusDays(6), "hn-province-agency");
                    desk.resolve(quarter, "D-" + quarter + "-1", Fen.of(-123_400), gen.plusDays(30), "ministry", "agreed");
                }
                if (q == 4) {
                    desk.escalate(quarter, "D-" + quarter + "-1", gen.plusDays(6), "nm-province-agency");
                }
            }
            Map<ProvincePair, Fen> quarterly = new TreeMap<>();
            for (PairTotal t : desk.workflow(Quarter.of(year, 4)).tables().nationalTable()) {
                quarterly.put(t.pair(), t.payable());
            }
            int k = 0;
            for (Map.Entry<ProvincePair, Fen> e : quarterly.entrySet()) {
                long base = Math.max(100_000, e.getValue().value());
                int usagePct = new int[] {55, 74, 86, 62, 91, 40}[k++ % 6];
                quotas.set(year, e.getKey(), Fen.of(base * 100 / usagePct), "national-system");
            }
            for (int q = 1; q <= 3; q++) {
                Quarter quarter = Quarter.of(year, q);
                for (PairTotal t : desk.workflow(quarter).tables().receivableTable(new Admdvs("430000"))) {
                    if (t.payable().isNegative() || t.payable().isZero()) {
                        continue;
                    }
                    String id = "CLR-" + quarter + "-" + t.pair().insured().code();
                    LocalDate notice = quarter.schedule().noticesBy();
                    pay.record(new Payment(id, BusinessType.CLEARING_FUNDS, Direction.INCOMING, t.pair().insured(),
                            t.payable(), false, notice, quarter.schedule().paymentDue(), quarter.toString()));
                    payments++;
                    if (!(q == 3 && t.pair().insured().code().equals("510000"))) {
                        pay.confirm(new BankConfirmation(id, "ICBC", "SN" + quarter + t.pair().insured().code(),
                                notice.plusDays(12), t.payable()), "hn-finance");
                    }
                }
            }
        }
        return new Summary(settlements, statements, disputes, payments);
    }

    private static int weighted(Random random) {
        int r = random.nextInt(100);
        return r < 30 ? 0 : r < 45 ? 1 : r < 65 ? 2 : r < 78 ? 3 : r < 88 ? 4 : 5;
    }

    /** The national clearing file's records of the other pairs (as the national table has them). */
    private static List<DatedRecord> nationalRecords(Quarter q, Random random) {
        List<DatedRecord> r = new ArrayList<>();
        int n = 0;
        for (String insured : OTHER_PROVINCES) {
            for (String treatment : OTHER_PROVINCES) {
                if (insured.equals(treatment) || random.nextInt(4) == 0) {
                    continue;
                }
                int records = 3 + random.nextInt(12);
                for (int i = 0; i < records; i++) {
                    LocalDate confirmed = q.periodStart().plusDays(random.nextInt(85));
                    long fund = 100_000 + (long) (random.nextDouble() * 3_000_000);
                    long ded = random.nextInt(10) == 0 ? fund / 20 : 0;
                    r.add(new DatedRecord(new ClearingRecord(String.format("N%s%s%s%019d", q.toString(), insured.substring(0, 2),
                            treatment.substring(0, 2), n++), new Admdvs(insured), new Admdvs(treatment),
                            "H" + treatment.substring(0, 2) + "000000001", confirmed, Fen.of(fund), Fen.of(ded)),
                            confirmed.minusDays(20)));
                }
            }
        }
        return r;
    }
}
