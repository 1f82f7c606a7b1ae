package io.wcsettle.core.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;

/** A Beijing worker filed for Changsha, treated at a Changsha hospital: settled directly unless changed. */
final class Fixtures {

    static final LocalDate ADMITTED = LocalDate.of(2025, 11, 3);
    static final LocalDate DISCHARGED = LocalDate.of(2025, 11, 12);

    static final Catalogue TREATMENT = Catalogue.builder()
            .add("X001", LocalDate.of(2025, 1, 1), null, null)
            .add("X002", LocalDate.of(2024, 1, 1), null, null)
            .add("BED01", LocalDate.of(2025, 1, 1), null, UnitPrice.ofFen(6000))
            .add("NUR01", LocalDate.of(2024, 1, 1), null, UnitPrice.ofFen(3000))
            .add("RH01", LocalDate.of(2024, 1, 1), null, UnitPrice.ofFen(4500))
            .add("OLD01", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30), null)
            .build();

    static final Catalogue DEVICES = Catalogue.builder()
            .add("D100", LocalDate.of(2024, 1, 1), null, UnitPrice.ofFen(300000))
            .add("D200", LocalDate.of(2024, 1, 1), null, UnitPrice.ofFen(120000))
            .build();

    static final SettlementEngine ENGINE = new SettlementEngine(RegionalPolicies.BEIJING, TREATMENT, DEVICES);

    static final Filing FILING = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE,
            FilingScope.MEDICAL, new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));

    static final Institution HOSPITAL = new Institution("H43010200001", new Admdvs("430102"), true, false);

    static final Stay STAY = new Stay(StayKind.INPATIENT_MEDICAL, ADMITTED, DISCHARGED, false, false);

    private Fixtures() {
    }

    static Bill bill(List<BillLine> lines) {
        return new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, HOSPITAL, STAY, lines);
    }

    static Bill bill(BillLine... lines) {
        return bill(List.of(lines));
    }

    static BillLine line(String id, String code, LineCategory category, String price, String quantity,
                         ReviewFlag... flags) {
        return BillLine.of(id, code, category, ADMITTED.plusDays(1), UnitPrice.parse("price", price),
                Quantity.parse("quantity", quantity), null, Set.of(flags), null);
    }

    static BillLine returnLine(String id, BillLine original, String quantity) {
        return BillLine.of(id, original.code(), original.category(), original.serviceDate(), original.price(),
                Quantity.parse("quantity", quantity), null, Set.of(), original.id());
    }

    static Fen fen(long v) {
        return Fen.of(v);
    }
}
