package io.wcsettle.agency.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.wcsettle.agency.ledger.JdbcLedger;
import io.wcsettle.agency.testing.Fixtures;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.ledger.PendingState;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.ledger.PostingOutcome;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.payment.BankConfirmation;
import io.wcsettle.core.payment.BusinessType;
import io.wcsettle.core.payment.Direction;
import io.wcsettle.core.payment.Payment;
import io.wcsettle.core.payment.PaymentStep;
import io.wcsettle.core.prepayment.PaymentChain;
import io.wcsettle.core.region.Admdvs;

/** R-PRE-9 in H2 and in a real PostgreSQL server, with the durable ledger of the same database. */
class JdbcPaymentsTest {

    @TempDir
    static Path dir;

    static final PaymentChain CHAIN = new PaymentChain(Fixtures.CALENDAR);
    static final Admdvs HN = new Admdvs("430000");

    static Stream<String> databases() {
        return Stream.of("h2", "postgres", "mariadb");
    }

    static DataSource dataSource(String db) {
        if (db.equals("h2")) {
            return Fixtures.h2File(dir);
        }
        if (db.equals("mariadb")) {
            return MariaDbServer.server().freshDatabase();
        }
        Postgres.dropAgencyTables();
        return Postgres.dataSource();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("R-PRE-9: notice → finance → transfer (reserved) → bank confirmation (posted once); receipts post on confirmation")
    void paymentChain(String db) {
        DataSource ds = dataSource(db);
        Payment clearing = new Payment("CLR-2025Q3-110000-430000", BusinessType.CLEARING_FUNDS, Direction.OUTGOING, HN,
                Fen.of(1_234_567), false, LocalDate.of(2025, 10, 27), LocalDate.of(2025, 11, 30), "2025Q3");
        Payment receipt = new Payment("PRE-2026-430000-110000", BusinessType.PREPAYMENT, Direction.INCOMING, HN,
                Fen.of(500_000), false, LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), "2026 quota");
        try (JdbcLedger ledger = JdbcLedger.open(ds, Fixtures.CLOCK);
             JdbcPayments pay = JdbcPayments.open(ds, Fixtures.CLOCK, ledger, CHAIN)) {
            pay.record(clearing);
            pay.record(clearing);
            pay.record(receipt);
            assertEquals("ILLEGAL_TRANSITION", assertThrows(WcsettleException.class, () -> pay.confirm(
                    new BankConfirmation(clearing.paymentId(), "ICBC", "S1", LocalDate.of(2025, 11, 3), clearing.amount()),
                    "finance")).code(), "nothing transferred yet");
            assertEquals(List.of(), pay.overdue(LocalDate.of(2025, 10, 27)));
            assertEquals(1, pay.overdue(LocalDate.of(2025, 11, 10)).size(), "5 working days to finance have passed");
            pay.submitted(clearing.paymentId(), LocalDate.of(2025, 10, 29), "agency");
            pay.transferred(clearing.paymentId(), LocalDate.of(2025, 11, 3), "finance");
            assertEquals(Optional.of(PendingState.PENDING), ledger.pendingState(JdbcPayments.transferKey(clearing.paymentId())));
            assertEquals(Fen.ZERO, ledger.balance(Account.of(AccountKind.BANK)));
            assertEquals(Fen.of(-1_234_567), ledger.pendingBalance(Account.of(AccountKind.BANK)));
            BankConfirmation bank = new BankConfirmation(clearing.paymentId(), "ICBC", "2025110300001",
                    LocalDate.of(2025, 11, 4), clearing.amount());
            assertTrue(pay.confirm(bank, "finance"));
            assertFalse(pay.confirm(bank, "finance"), "a repeated confirmation is a no-op");
            assertEquals("CONFIRMATION_CONFLICT", assertThrows(WcsettleException.class, () -> pay.confirm(
                    new BankConfirmation(clearing.paymentId(), "ICBC", "OTHER", LocalDate.of(2025, 11, 4), clearing.amount()),
                    "finance")).code());
            assertEquals(Fen.of(1_234_567), ledger.balance(Account.of(AccountKind.CLEARING_COLLECTED)));
            assertEquals(Fen.of(-1_234_567), ledger.balance(Account.of(AccountKind.BANK)));
            assertEquals(PaymentStep.CONFIRMED, pay.progress(clearing.paymentId()).step());
            assertEquals("CONFIRMATION_CONFLICT", assertThrows(WcsettleException.class, () -> pay.confirm(
                    new BankConfirmation(receipt.paymentId(), "ICBC", "2025110300001", LocalDate.of(2026, 2, 3),
                            receipt.amount()), "finance")).code(), "one serial confirms one payment");
            assertEquals(List.of(receipt.paymentId()), pay.due(LocalDate.of(2026, 2, 1)).stream()
                    .map(p -> p.payment().paymentId()).toList());
        }
        // a crash after the receipt's confirmation committed and before the ledger posted it:
        // the confirmation is written by another process whose ledger never got the posting
        try (JdbcLedger ledger = JdbcLedger.open(ds, Fixtures.CLOCK);
             JdbcPayments pay = JdbcPayments.open(ds, Fixtures.CLOCK, new io.wcsettle.core.ledger.Ledger(), CHAIN)) {
            pay.confirm(new BankConfirmation(receipt.paymentId(), "BOC", "R-77", LocalDate.of(2026, 2, 3),
                    receipt.amount()), "finance");
            assertFalse(ledger.contains(JdbcPayments.confirmationKey(receipt.paymentId())));
        }
        try (JdbcLedger ledger = JdbcLedger.open(ds, Fixtures.CLOCK);
             JdbcPayments pay = JdbcPayments.open(ds, Fixtures.CLOCK, ledger, CHAIN)) {
            assertEquals(Fen.of(500_000), ledger.balance(Account.of(AccountKind.FUNDS_RECEIVED)).negate(),
                    "posted on reopen");
            assertEquals(0, pay.postConfirmed(), "and only once");
            assertEquals(PostingOutcome.ALREADY_APPLIED, ledger.post(Posting.transfer(
                    JdbcPayments.confirmationKey(receipt.paymentId()), LocalDate.of(2026, 2, 3),
                    "预付金 incoming 430000 2026 quota", receipt.debit(), receipt.credit(), receipt.amount())));
            assertEquals(ledger.totalDebits(), ledger.totalCredits());
            assertEquals(List.of(), pay.overdue(LocalDate.of(2026, 3, 31)));
        }
    }
}
