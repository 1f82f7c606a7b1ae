package io.wcsettle.his.platform;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The wire codes of the platform's transactions: data an integrator replaces when the
 * provincial platform uses other codes (PROTOCOL.md "Transactions used"). Immutable.
 *
 * <p>{@link #template()} is the national medical-insurance template (9001, 1101, 2401, …).
 */
public final class TransactionProfile {

    private static final TransactionProfile TEMPLATE = of("template", Map.ofEntries(
            Map.entry(Transaction.SIGN_IN, "9001"),
            Map.entry(Transaction.PERSON_QUERY, "1101"),
            Map.entry(Transaction.ADMISSION, "2401"),
            Map.entry(Transaction.FEE_UPLOAD, "2301"),
            Map.entry(Transaction.PRE_SETTLEMENT, "2303"),
            Map.entry(Transaction.SETTLEMENT, "2304"),
            Map.entry(Transaction.SETTLEMENT_CANCELLATION, "2305"),
            Map.entry(Transaction.REVERSAL, "2601"),
            Map.entry(Transaction.RECONCILE_TOTALS, "3201"),
            Map.entry(Transaction.RECONCILE_DETAILS, "3202"),
            Map.entry(Transaction.CLEARING_APPLICATION, "3203"),
            Map.entry(Transaction.CLEARING_RESULT, "3204")));

    private final String name;
    private final Map<Transaction, String> codes;
    private final Map<String, Transaction> byCode;

    private TransactionProfile(String name, Map<Transaction, String> codes) {
        this.name = name;
        this.codes = Collections.unmodifiableMap(new EnumMap<>(codes));
        Map<String, Transaction> reverse = new HashMap<>();
        codes.forEach((t, c) -> {
            if (reverse.put(c, t) != null) {
                throw new IllegalArgumentException("infno " + c + " used twice in profile " + name);
            }
        });
        this.byCode = Map.copyOf(reverse);
    }

    /** The shipped template profile (national interface codes). */
    public static TransactionProfile template() {
        return TEMPLATE;
    }

    /**
     * A profile named {@code name} mapping every {@link Transaction} to its wire code.
     *
     * @throws IllegalArgumentException when a transaction is missing or a code is used twice
     */
    public static TransactionProfile of(String name, Map<Transaction, String> codes) {
        Objects.requireNonNull(name, "name");
        for (Transaction t : Transaction.values()) {
            String code = codes.get(t);
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("profile " + name + " has no code for " + t);
            }
        }
        return new TransactionProfile(name, codes);
    }

    /** A copy of this profile with {@code transaction} sent as {@code infno}. */
    public TransactionProfile with(Transaction transaction, String infno) {
        Map<Transaction, String> copy = new EnumMap<>(codes);
        copy.put(transaction, infno);
        return of(name + "+" + transaction, copy);
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** The wire code of {@code transaction}. */
    public String infno(Transaction transaction) {
        return codes.get(transaction);
    }

    /** The transaction sent as {@code infno}, empty when the profile does not know it. */
    public Optional<Transaction> transactionOf(String infno) {
        return Optional.ofNullable(byCode.get(infno));
    }

    /**
     * The transaction sent as {@code infno}.
     *
     * @throws PlatformException {@code UNKNOWN_INFNO}
     */
    public Transaction require(String infno) {
        return transactionOf(infno).orElseThrow(() -> new PlatformException(
                PlatformErrorCode.UNKNOWN_INFNO, "infno", "infno not in profile " + name));
    }
}
