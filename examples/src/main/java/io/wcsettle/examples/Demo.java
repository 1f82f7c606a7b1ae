package io.wcsettle.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.filing.ApplicationCheck;
import io.wcsettle.core.filing.ApplicationResult;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingApplication;
import io.wcsettle.core.filing.FilingRecord;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.filing.Material;
import io.wcsettle.core.followup.InMemoryWorkOrderStore;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.examples.conformance.ConformanceRunner;
import io.wcsettle.examples.demo.ClearingWalkthrough;
import io.wcsettle.examples.demo.DischargeWalkthrough;
import io.wcsettle.examples.demo.PlatformWalkthrough;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: an Inner Mongolia worker files to live in Changsha (check, approval, admission,
 * change request); is discharged from a Changsha hospital and the bill is settled with a
 * statement for the worker and the follow-up raised from it; a Beijing long-term filer treated
 * back in Beijing is settled under Beijing's policy; then a quarter is cleared between provinces
 * with the bilateral payments and the netting analysis; finally the conformance cases run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk through a filing, a cross-province discharge and a quarterly clearing, then run the conformance cases.")
final class Demo implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "DIR",
            description = "conformance cases (default: the project's conformance/public and conformance/cases)")
    private Path cases;

    @Override
    public Integer call() throws Exception {
        WorkingDayCalendar calendar = WorkingDayCalendar.chinaOfficial();
        RegionalPolicy policy = RegionalPolicies.shipped().get("150000");

        System.out.println("== Filing: Inner Mongolia (150000) worker living in Changsha (430100) ==");
        FilingApplication first = new FilingApplication(FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                LocalDate.of(2025, 9, 26), Set.of(Confirmation.INJURY_RECOGNITION), 8,
                Set.of(Material.FILING_FORM));
        ApplicationCheck check = new ApplicationCheck(policy, calendar);
        ApplicationResult r1 = check.check(first);
        System.out.printf("application 2025-09-26: %s, missing %s (R-FIL-3: all at once)%n", r1.decision(), r1.missing());

        FilingApplication complete = new FilingApplication(first.type(), first.scope(), first.submittedOn(),
                first.confirmations(), 8, Set.of(Material.FILING_FORM, Material.RESIDENCE_PROOF));
        ApplicationResult r2 = check.check(complete);
        System.out.printf("resubmitted: %s, decision due %s (R-FIL-5: 5 working days, National Day skipped)%n",
                r2.decision(), r2.decisionDue().orElseThrow());

        Filing filing = Filing.of(policy, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                Admdvs.parse("insured", "150102"), Admdvs.parse("target", "430100"), LocalDate.of(2025, 10, 9));
        System.out.printf("filed 2025-10-09: valid %s .. %s (R-FIL-4, R-CAL-3)%n",
                filing.validity().validFrom(), filing.validity().validThrough());
        Admdvs hospital = Admdvs.parse("institution", "430102");
        System.out.printf("hospital 430102 in filed city: %s (R-FIL-6); admission 2026-10-09 problems: %s (R-FIL-8)%n",
                filing.covers(hospital), filing.admissionProblems(LocalDate.of(2026, 10, 9)));

        FilingRecord record = FilingRecord.filed(filing);
        FilingRecord.Outcome change = record.change(Filing.of(policy, FilingType.LONG_TERM_RESIDENCE,
                FilingScope.MEDICAL, filing.insuredAdmdvs(), Admdvs.parse("target", "430200"),
                filing.filedOn()), LocalDate.of(2026, 1, 15), null, policy);
        System.out.printf("change on 2026-01-15: allowed=%s %s, earliest %s (R-FIL-10)%n",
                change.decision().allowed(), change.decision().reasons(), change.decision().earliest().orElseThrow());
        UploadDeadlines deadlines = UploadDeadlines.byTreatmentPlace(RegionalPolicies.shipped(),
                CalendarSource.fixed(calendar));
        System.out.printf("discharge settled 2025-12-30 in Changsha: upload %s (R-UPL-1, the treatment place's policy)%n",
                DischargeWalkthrough.deadline(deadlines.dischargeUpload(hospital, LocalDate.of(2025, 12, 30))));
        System.out.printf("settled 2026-12-28: upload %s — reported as a value, the settlement goes on (R-UPL-1)%n",
                DischargeWalkthrough.deadline(deadlines.dischargeUpload(hospital, LocalDate.of(2026, 12, 28))));
        System.out.printf("calendar years missing within 90 days of 2026-11-15: %s (load next year's schedule before then)%n",
                deadlines.missingYearsAhead(LocalDate.of(2026, 11, 15), Period.ofDays(90)));

        System.out.println();
        System.out.println("== Discharge: Hohhot worker at a Changsha hospital, through the platform simulator ==");
        PlatformWalkthrough.run(System.out);
        System.out.println("-- what follows from the settlement, in one core call (DischargeSettlement) --");
        DischargeWalkthrough.print(System.out, DischargeWalkthrough.service(policy, new InMemoryWorkOrderStore(),
                System.out).settle(DischargeWalkthrough.request(policy)));

        System.out.println();
        System.out.println("== Home place: Beijing long-term resident of Changsha treated back in Beijing (R-FIL-11) ==");
        DischargeWalkthrough.homePlace(System.out);

        System.out.println();
        System.out.println("== Quarterly clearing between provinces ==");
        ClearingWalkthrough.run(System.out);

        List<Path> dirs = new ArrayList<>();
        if (cases != null) {
            dirs.add(cases);
        } else {
            for (Path p : List.of(Path.of("conformance", "public"), Path.of("conformance", "cases"))) {
                if (Files.isDirectory(p)) {
                    dirs.add(p);
                }
            }
        }
        if (dirs.isEmpty() || !Files.isDirectory(dirs.get(0))) {
            System.out.println("(no conformance cases at " + (cases != null ? cases : "conformance/public")
                    + "; pass --cases DIR)");
            return cases == null ? 0 : 1;
        }
        System.out.println();
        System.out.println("== Conformance cases in " + dirs + " ==");
        ConformanceRunner.Summary s = new ConformanceRunner().run(dirs, System.out);
        return s.allPassed() ? 0 : 1;
    }
}
