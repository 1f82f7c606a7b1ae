package io.wcsettle.agency.ledger;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.BookOfRecord;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.money.Fen;

/**
 * The agency process of the crash tests: owns a {@link JdbcLedger} and executes one command per
 * line of standard input, answering one line each (after the commit). The test kills it with
 * SIGKILL ({@code destroyForcibly}) at random moments and starts a new one on the same database.
 * Argument: an H2 file path, or a {@code jdbc:postgresql:} URL.
 *
 * <pre>
 * post KEY DATE DEBIT CREDIT FEN      reserve KEY DATE DEBIT CREDIT FEN
 * postp KEY PENDING DATE FEN          void KEY PENDING DATE
 * burst PREFIX N       N operations, each acknowledged "ACK i" once committed; then "DONE"
 * ops PREFIX N         which burst operations are present: "OPS " + one of P (present) / - per operation
 * check                "CHECK debits credits Σbalances Σpending journalSize account=balance/pending ..."
 * </pre>
 */
public final class LedgerChild {

    private LedgerChild() {
    }

    /** Runs the command loop until standard input ends. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (JdbcLedger ledger = JdbcLedger.open(dataSource(args[0]), Clock.systemUTC());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("READY");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.split(" ");
                try {
                    switch (w[0]) {
                        case "post" -> out.println("OK " + ledger.post(Posting.transfer(w[1], LocalDate.parse(w[2]), "",
                                JdbcLedger.account(w[3]), JdbcLedger.account(w[4]), Fen.of(Long.parseLong(w[5])))));
                        case "reserve" -> out.println("OK " + ledger.reserve(new PendingTransfer(w[1],
                                LocalDate.parse(w[2]), "", JdbcLedger.account(w[3]), JdbcLedger.account(w[4]),
                                Fen.of(Long.parseLong(w[5])))));
                        case "postp" -> out.println("OK " + ledger.postPending(w[1], w[2], LocalDate.parse(w[3]),
                                Fen.of(Long.parseLong(w[4]))));
                        case "void" -> out.println("OK " + ledger.voidPending(w[1], w[2], LocalDate.parse(w[3])));
                        case "burst" -> {
                            int n = Integer.parseInt(w[2]);
                            for (int i = 0; i < n; i++) {
                                burstOp(ledger, w[1], i);
                                out.println("ACK " + i);
                                out.flush();
                            }
                            out.println("DONE");
                        }
                        case "ops" -> {
                            StringBuilder b = new StringBuilder("OPS ");
                            for (int i = 0; i < Integer.parseInt(w[2]); i++) {
                                b.append(ledger.contains(burstKey(w[1], i)) ? 'P' : '-');
                            }
                            out.println(b);
                        }
                        case "check" -> out.println(check(ledger));
                        default -> out.println("ERR UNKNOWN_COMMAND");
                    }
                } catch (WcsettleException e) {
                    out.println("ERR " + e.code());
                }
                out.flush();
            }
        }
    }

    /**
     * Burst operation {@code i}: even ones post, odd ones resolve the reservation of the operation
     * before them (which made it at {@code i - 1}: reservations are at {@code i ≡ 1 mod 4}, their
     * posting at {@code i ≡ 2 mod 4}; see {@link #burstKey}).
     */
    static void burstOp(BookOfRecord ledger, String prefix, int i) {
        LocalDate on = LocalDate.of(2025, 1, 1).plusDays(i % 365);
        Account debit = JdbcLedger.account("PREPAYMENT_ADVANCED:" + (i % 2 == 0 ? "110000" : "430000"));
        Account credit = JdbcLedger.account("BANK");
        switch (i % 4) {
            case 1 -> ledger.reserve(new PendingTransfer(burstKey(prefix, i), on, "", debit, credit, Fen.of(1000 + i)));
            case 2 -> ledger.postPending(burstKey(prefix, i), burstKey(prefix, i - 1), on, Fen.of(1000 + i - 1));
            default -> ledger.post(Posting.transfer(burstKey(prefix, i), on, "", debit, credit, Fen.of(i + 1)));
        }
    }

    static String burstKey(String prefix, int i) {
        return prefix + "-" + i;
    }

    private static String check(JdbcLedger ledger) {
        StringBuilder b = new StringBuilder("CHECK ");
        Fen sum = Fen.ZERO;
        Map<Account, Fen> balances = ledger.balances();
        for (Fen f : balances.values()) {
            sum = sum.plus(f);
        }
        Fen pendingSum = Fen.ZERO;
        StringBuilder accounts = new StringBuilder();
        for (String name : new String[] {"BANK", "FUNDS_RECEIVED", "CLEARING_COLLECTED", "PREPAYMENT_ADVANCED:110000",
            "PREPAYMENT_ADVANCED:430000", "PREPAYMENT_ADVANCED:150000"}) {
            Account a = JdbcLedger.account(name);
            Fen p = ledger.pendingBalance(a);
            pendingSum = pendingSum.plus(p);
            accounts.append(' ').append(name).append('=').append(ledger.balance(a).value()).append('/').append(p.value());
        }
        b.append(ledger.totalDebits().value()).append(' ').append(ledger.totalCredits().value()).append(' ')
                .append(sum.value()).append(' ').append(pendingSum.value()).append(' ').append(ledger.journal().size())
                .append(accounts);
        return b.toString();
    }

    private static DataSource dataSource(String target) throws SQLException {
        if (target.startsWith("jdbc:")) {
            return new DriverDataSource(target);
        }
        return AgencySchema.h2File(Path.of(target));
    }

    /** A minimal DataSource over DriverManager, for a PostgreSQL URL. */
    private static final class DriverDataSource implements DataSource {
        private final String url;

        DriverDataSource(String url) {
            this.url = url;
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
