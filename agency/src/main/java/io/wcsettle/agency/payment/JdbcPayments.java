package io.wcsettle.agency.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.BookOfRecord;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.payment.BankConfirmation;
import io.wcsettle.core.payment.BusinessType;
import io.wcsettle.core.payment.Direction;
import io.wcsettle.core.payment.Payment;
import io.wcsettle.core.payment.PaymentProgress;
import io.wcsettle.core.prepayment.PaymentChain;
import io.wcsettle.core.region.Admdvs;

/**
 * Payments in the agency database (R-PRE-9, -7, -8): notices with their business type, the steps
 * of the chain (submitted to finance, transferred), bank confirmations with bank type, serial
 * number and date. When an outgoing transfer is made the ledger reserves it (a pending transfer);
 * the confirmation posts it. An incoming payment is posted from its receipt confirmation. The
 * ledger keys derive from the payment id ({@code payment:ID:transfer}, {@code payment:ID:confirmation}),
 * so the ledger posts each confirmation once: the confirmation is committed first, then posted;
 * should the process die in between, {@link #postConfirmed()} (run on open) posts what is missing.
 * Thread-safe.
 */
public final class JdbcPayments implements AutoCloseable {

    private final Jdbc jdbc;
    private final Clock clock;
    private final BookOfRecord ledger;
    private final PaymentChain chain;

    private JdbcPayments(Jdbc jdbc, Clock clock, BookOfRecord ledger, PaymentChain chain) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
        this.chain = chain;
    }

    /**
     * Opens (and migrates) the payments in {@code dataSource}, posting to {@code ledger} (normally
     * the {@code JdbcLedger} of the same database) any confirmation not posted yet.
     */
    public static JdbcPayments open(DataSource dataSource, Clock clock, BookOfRecord ledger, PaymentChain chain) {
        JdbcPayments p = new JdbcPayments(Jdbc.open(dataSource), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(chain, "chain"));
        p.postConfirmed();
        return p;
    }

    /** The ledger key of the reservation of an outgoing transfer. */
    public static String transferKey(String paymentId) {
        return "payment:" + paymentId + ":transfer";
    }

    /** The ledger key of the posting made from a confirmation. */
    public static String confirmationKey(String paymentId) {
        return "payment:" + paymentId + ":confirmation";
    }

    /**
     * Records a payment or receipt notice; the same notice again is a no-op.
     *
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} for the id with other content
     */
    public PaymentProgress record(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        if (payment.purpose().length() > 100) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "purpose", "at most 100 characters");
        }
        return jdbc.inTransaction("payment notice", c -> {
            Optional<PaymentProgress> earlier = find(c, payment.paymentId());
            if (earlier.isPresent()) {
                if (!earlier.get().payment().equals(payment)) {
                    throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "paymentId", "used with other content");
                }
                return earlier.get();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_payment VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, payment.paymentId());
                p.setString(2, payment.type().name());
                p.setString(3, payment.direction().name());
                p.setString(4, payment.counterpart().code());
                p.setLong(5, payment.amount().value());
                p.setBoolean(6, payment.refund());
                p.setObject(7, payment.noticeOn());
                p.setObject(8, payment.dueBy(), Types.DATE);
                p.setString(9, payment.purpose());
                p.setLong(10, clock.millis());
                p.executeUpdate();
            }
            return find(c, payment.paymentId()).orElseThrow();
        });
    }

    /**
     * R-PRE-7: the agency submitted the outgoing payment to the finance department on {@code on}.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}; {@code ILLEGAL_TRANSITION} for an incoming payment
     */
    public PaymentProgress submitted(String paymentId, LocalDate on, String actor) {
        return step(paymentId, "SUBMITTED", on, actor);
    }

    /**
     * R-PRE-7: the finance department transferred the outgoing payment on {@code on}: the ledger
     * reserves it (pending until confirmed, R-PRE-8).
     *
     * @throws WcsettleException {@code UNKNOWN_ID}; {@code ILLEGAL_TRANSITION} for an incoming
     *         payment or one not submitted
     */
    public PaymentProgress transferred(String paymentId, LocalDate on, String actor) {
        PaymentProgress p = step(paymentId, "TRANSFERRED", on, actor);
        reserve(p);
        return p;
    }

    private void reserve(PaymentProgress p) {
        Payment pay = p.payment();
        ledger.reserve(new PendingTransfer(transferKey(pay.paymentId()), p.transferredOn(), memo(pay), pay.debit(),
                pay.credit(), pay.amount()));
    }

    /**
     * R-PRE-9: confirms a payment with the bank's details; the ledger posts it, once. A repeat
     * with the same details is a no-op.
     *
     * @return {@code true} when confirmed now, {@code false} for a repeat
     * @throws WcsettleException {@code UNKNOWN_ID}; {@code CONFIRMATION_CONFLICT} for other
     *         details, or a serial number that confirmed another payment; {@code ILLEGAL_TRANSITION}
     *         for an outgoing payment not transferred; {@code PENDING_AMOUNT_EXCEEDED} for more than
     *         the payment
     */
    public boolean confirm(BankConfirmation confirmation, String actor) {
        requireActor(actor);
        boolean fresh = jdbc.inTransaction("payment confirmation", c -> {
            PaymentProgress p = find(c, confirmation.paymentId()).orElseThrow(() -> unknown(confirmation.paymentId()));
            Optional<BankConfirmation> earlier = confirmationOf(c, confirmation.paymentId());
            if (earlier.isPresent()) {
                if (!earlier.get().equals(confirmation)) {
                    throw new WcsettleException(AgencyErrorCode.CONFIRMATION_CONFLICT, "serialNumber",
                            "payment confirmed before with other bank details");
                }
                return false;
            }
            if (p.payment().direction() == Direction.OUTGOING && p.transferredOn() == null) {
                throw new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "paymentId", "not transferred yet");
            }
            if (confirmation.amount().compareTo(p.payment().amount()) > 0) {
                throw new WcsettleException(AgencyErrorCode.PENDING_AMOUNT_EXCEEDED, "amount", "more than the payment");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT payment_id FROM wcs_payment_confirmation WHERE "
                    + "bank_type = ? AND serial_number = ?")) {
                s.setString(1, confirmation.bankType());
                s.setString(2, confirmation.serialNumber());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new WcsettleException(AgencyErrorCode.CONFIRMATION_CONFLICT, "serialNumber",
                                "serial number confirmed another payment");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wcs_payment_confirmation VALUES (?,?,?,?,?,?,?)")) {
                s.setString(1, confirmation.paymentId());
                s.setString(2, confirmation.bankType());
                s.setString(3, confirmation.serialNumber());
                s.setObject(4, confirmation.transactionDate());
                s.setLong(5, confirmation.amount().value());
                s.setString(6, actor);
                s.setLong(7, clock.millis());
                s.executeUpdate();
            }
            return true;
        });
        post(progress(confirmation.paymentId()), confirmation);
        return fresh;
    }

    /**
     * Brings the ledger up to the payments after a crash between a commit here and the ledger's:
     * reserves every transfer not reserved yet and posts every confirmation not posted yet
     * (idempotent keys: nothing is booked twice). Returns how many confirmations it posted.
     */
    public int postConfirmed() {
        int n = 0;
        for (PaymentProgress p : all()) {
            if (p.transferredOn() != null && !ledger.contains(transferKey(p.payment().paymentId()))) {
                reserve(p);
            }
            if (p.confirmedOn() != null && !ledger.contains(confirmationKey(p.payment().paymentId()))) {
                post(p, confirmation(p.payment().paymentId()).orElseThrow());
                n++;
            }
        }
        return n;
    }

    /**
     * The progress of {@code paymentId}.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public PaymentProgress progress(String paymentId) {
        return jdbc.inTransaction("payment read", c -> find(c, paymentId).orElseThrow(() -> unknown(paymentId)));
    }

    /** The bank confirmation of {@code paymentId}, if any. */
    public Optional<BankConfirmation> confirmation(String paymentId) {
        return jdbc.inTransaction("payment read", c -> confirmationOf(c, paymentId));
    }

    /** Every payment, by notice date then id. */
    public List<PaymentProgress> all() {
        return jdbc.inTransaction("payment read", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT payment_id FROM wcs_payment ORDER BY notice_on, payment_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<PaymentProgress> r = new ArrayList<>();
            for (String id : ids) {
                r.add(find(c, id).orElseThrow());
            }
            return r;
        });
    }

    /** R-PRE-7: payments not confirmed whose next step is due on or after {@code today}. */
    public List<PaymentProgress> due(LocalDate today) {
        return all().stream().filter(p -> p.nextDeadline(chain).isPresent() && !p.overdue(chain, today)).toList();
    }

    /** R-PRE-7: payments whose next step is overdue on {@code today}. */
    public List<PaymentProgress> overdue(LocalDate today) {
        return all().stream().filter(p -> p.overdue(chain, today)).toList();
    }

    @Override
    public void close() {
        jdbc.close();
    }

    private void post(PaymentProgress p, BankConfirmation conf) {
        Payment pay = p.payment();
        String key = confirmationKey(pay.paymentId());
        if (pay.direction() == Direction.OUTGOING) {
            ledger.postPending(key, transferKey(pay.paymentId()), conf.transactionDate(), conf.amount());
        } else {
            ledger.post(Posting.transfer(key, conf.transactionDate(), memo(pay), pay.debit(), pay.credit(), conf.amount()));
        }
    }

    private static String memo(Payment p) {
        return p.type().title() + (p.refund() ? " *" : "") + " " + p.direction().name().toLowerCase() + " "
                + p.counterpart().code() + " " + p.purpose();
    }

    private PaymentProgress step(String paymentId, String step, LocalDate on, String actor) {
        requireActor(actor);
        Objects.requireNonNull(on, "on");
        return jdbc.inTransaction("payment step", c -> {
            PaymentProgress p = find(c, paymentId).orElseThrow(() -> unknown(paymentId));
            if (p.payment().direction() != Direction.OUTGOING) {
                throw new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "paymentId", "an incoming payment has no " + step);
            }
            LocalDate earlier = step.equals("SUBMITTED") ? p.submittedOn() : p.transferredOn();
            if (earlier != null) {
                return p;
            }
            if (step.equals("TRANSFERRED") && p.submittedOn() == null) {
                throw new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "paymentId", "not submitted to finance yet");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO wcs_payment_step VALUES (?,?,?,?,?)")) {
                s.setString(1, paymentId);
                s.setString(2, step);
                s.setObject(3, on);
                s.setString(4, actor);
                s.setLong(5, clock.millis());
                s.executeUpdate();
            }
            return find(c, paymentId).orElseThrow();
        });
    }

    private static Optional<PaymentProgress> find(Connection c, String id) throws SQLException {
        Payment payment;
        try (PreparedStatement p = c.prepareStatement("SELECT business_type, direction, counterpart, amount_fen, refund, "
                + "notice_on, due_by, purpose FROM wcs_payment WHERE payment_id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                payment = new Payment(id, BusinessType.valueOf(rs.getString(1)), Direction.valueOf(rs.getString(2)),
                        new Admdvs(rs.getString(3)), Fen.of(rs.getLong(4)), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getString(8));
            }
        }
        LocalDate submitted = null;
        LocalDate transferred = null;
        try (PreparedStatement p = c.prepareStatement("SELECT step, occurred_on FROM wcs_payment_step WHERE payment_id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("SUBMITTED")) {
                        submitted = rs.getObject(2, LocalDate.class);
                    } else {
                        transferred = rs.getObject(2, LocalDate.class);
                    }
                }
            }
        }
        LocalDate confirmed = confirmationOf(c, id).map(BankConfirmation::transactionDate).orElse(null);
        return Optional.of(new PaymentProgress(payment, submitted, transferred, confirmed));
    }

    private static Optional<BankConfirmation> confirmationOf(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT bank_type, serial_number, transaction_date, amount_fen FROM "
                + "wcs_payment_confirmation WHERE payment_id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new BankConfirmation(id, rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), Fen.of(rs.getLong(4)))) : Optional.empty();
            }
        }
    }

    private static WcsettleException unknown(String id) {
        return new WcsettleException(AgencyErrorCode.UNKNOWN_ID, "paymentId", "no payment " + id);
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "actor", "1..100 characters required");
        }
    }
}
