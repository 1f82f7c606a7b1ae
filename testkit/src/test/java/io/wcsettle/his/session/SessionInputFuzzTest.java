package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.his.card.ElectronicCardToken;

/**
 * The session's public inputs, built from mutated values (nulls, over-long and control-character
 * strings, unicode, empty strings) and sent through a real {@link HisSession} to the strict
 * simulator: {@link AdmissionDetails} / {@link Diagnosis} through 2401, {@link FeeDetail} through
 * 2301, {@link Credential} through 1101. Every input is built and answered, or refused with a
 * coded error (at construction {@code INVALID_INPUT}; before sending {@code REQUEST_VIOLATES_TABLE}
 * or {@code INVALID_STEP_INPUT}), never a {@link NullPointerException}. Unmutated inputs must be
 * answered.
 */
class SessionInputFuzzTest {

    private static World world;
    private static HisSession session;
    private static Visit visit;
    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    @BeforeAll
    static void start(@TempDir Path dir) {
        world = new World();
        session = world.session(dir.resolve("outbox")).build();
        visit = session.open("FUZZ-FEES", World.credential()).orElseThrow();
        visit.admit(world.admission()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        session.close();
        world.close();
    }

    /** A text value: kept, null, mutated, over-long, or odd. */
    private static String text(SplittableRandom r, String seed, boolean pristine) {
        if (pristine) {
            return seed;
        }
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> Mutate.string(r, seed);
            case 2 -> seed.repeat(2 + r.nextInt(60));
            case 3 -> Mutate.pick(r, new String[] {"", " ", "\u0000", "\n", "中".repeat(201), "\uD800", "null"});
            default -> seed;
        };
    }

    private static <T> T orNull(SplittableRandom r, T v, boolean pristine) {
        return !pristine && r.nextInt(15) == 0 ? null : v;
    }

    record Input(boolean pristine, Object[] values) {
        @Override
        public String toString() {
            List<String> s = new ArrayList<>();
            for (Object v : values) {
                s.add(Fuzz.render(v));
            }
            return (pristine ? "pristine " : "") + s;
        }
    }

    private static final Fuzz.Oracle<Input, Object> ANSWERED_WHEN_PRISTINE = new Fuzz.Oracle<>() {
        @Override
        public void accepted(Input in, Object outcome) {
            if (in.pristine()) {
                assertTrue(outcome instanceof StepOutcome.Answered<?>, "an unmutated input is answered: " + outcome);
            }
        }

        @Override
        public void rejected(Input in, WcsettleException e) {
            if (in.pristine()) {
                fail("an unmutated input was refused: " + e.getMessage());
            }
            assertTrue(List.of("INVALID_INPUT", "REQUEST_VIOLATES_TABLE", "INVALID_STEP_INPUT", "FEE_CONTENT_CONFLICT",
                    "INVALID_QR_TOKEN", "INVALID_HEADER").contains(e.code()), e.code());
        }
    };

    @Test
    @DisplayName("Session fuzz: mutated fee rows are uploaded (2301) or refused with a code before sending")
    void feeDetails() {
        Fuzz.run("FeeDetail → Visit.uploadFees", Fuzz.tries(0.1), r -> {
            boolean p = r.nextInt(10) == 0;
            String id = String.valueOf(SERIAL.incrementAndGet());
            return new Input(p, new Object[] {p || r.nextInt(4) > 0 ? id : text(r, id, false),
                text(r, "XA01", p), text(r, "H-XA01", p), text(r, "GK", p), text(r, "骨科", p), text(r, "D001", p),
                text(r, "李医生", p), orNull(r, world.admitted.atTime(10, 0), p)});
        }, in -> {
            Object[] v = in.values();
            BillLine line = BillLine.of((String) v[0], (String) v[1], LineCategory.DRUG, world.admitted,
                    UnitPrice.parse("p", "1.50"), Quantity.parse("q", "2"));
            return visit.uploadFees(List.of(new FeeDetail(line, (String) v[2], (LocalDateTime) v[7], (String) v[3],
                    (String) v[4], (String) v[5], (String) v[6])));
        }, ANSWERED_WHEN_PRISTINE, Input::toString);
    }

    @Test
    @DisplayName("Session fuzz: mutated admissions and diagnoses are admitted (2401) or refused with a code before sending")
    void admissions() {
        LocalDateTime at = world.admitted.atTime(9, 30);
        Fuzz.run("AdmissionDetails → Visit.admit", Fuzz.tries(0.05), r -> {
            boolean p = r.nextInt(10) == 0;
            return new Input(p, new Object[] {text(r, "ZY" + SERIAL.incrementAndGet(), p), orNull(r, at, p),
                text(r, "D001", p), text(r, "李医生", p), text(r, "右腕骨折", p), text(r, "GK", p), text(r, "骨科", p),
                text(r, "12床", p), text(r, "S62.101", p), text(r, "右桡骨远端骨折", p), text(r, "1", p),
                !p && r.nextInt(20) == 0 ? (int) Mutate.edgyLong(r) : 1, r.nextInt(30) == 0 && !p ? "no list" : "",
                "V" + SERIAL.incrementAndGet()});
        }, in -> {
            Object[] v = in.values();
            List<Diagnosis> diagnoses = "no list".equals(v[12]) ? null
                    : List.of(new Diagnosis((String) v[10], true, (Integer) v[11], (String) v[8], (String) v[9], (String) v[6],
                    (String) v[2], (String) v[3], (LocalDateTime) v[1]));
            AdmissionDetails d = new AdmissionDetails((String) v[0], (LocalDateTime) v[1], (String) v[2], (String) v[3],
                    (String) v[4], (String) v[5], (String) v[6], (String) v[7], (String) v[8], (String) v[9], diagnoses);
            Visit fresh = session.open((String) v[13], World.credential()).orElseThrow();
            return fresh.admit(d);
        }, ANSWERED_WHEN_PRISTINE, Input::toString);
    }

    @Test
    @DisplayName("Session fuzz: mutated credentials (ID card, e-card) open a visit (1101) or are refused with a code")
    void credentials() {
        Fuzz.run("Credential → HisSession.open", Fuzz.tries(0.05), r -> {
            boolean p = r.nextInt(10) == 0;
            return new Input(p, new Object[] {r.nextInt(3), text(r, World.ID_NUMBER, p), text(r, World.NAME, p),
                text(r, "QRTOKEN0123456789", p), "C" + SERIAL.incrementAndGet()});
        }, in -> {
            Object[] v = in.values();
            Credential c = (Integer) v[0] == 0 || in.pristine() ? Credential.idCard((String) v[1], (String) v[2])
                    : Credential.electronicCard((Integer) v[0] == 1 ? new ElectronicCardToken((String) v[3]) : null,
                    (String) v[1], (String) v[2]);
            return session.open((String) v[4], c);
        }, ANSWERED_WHEN_PRISTINE, Input::toString);
    }
}
