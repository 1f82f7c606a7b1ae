package io.wcsettle.his.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates msgids: institution code (12) + {@code yyyyMMddHHmmss} + 4-digit sequence = 30
 * characters (PROTOCOL.md). Unique across threads (synchronised) and across restarts: every
 * second is reserved durably through {@link MsgIdReservations} before its first id is issued,
 * and a second never issues more than 10,000 ids (the generator moves on to the next reserved
 * second, ahead of the clock if need be).
 *
 * <p>Several workstations of one institution either share one outbox database (its reservation
 * table hands each process its own seconds) or each have their own outbox and a distinct
 * {@link Workstation} number, which takes the first digits of the sequence: two generators with the
 * same code, separate reservation stores and the same workstation number would issue the same ids.
 */
public final class MsgIdGenerator {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern INSTITUTION = Pattern.compile("[0-9A-Za-z]{12}");
    private static final Pattern MSGID = Pattern.compile("[0-9A-Za-z]{12}[0-9]{18}");

    private final String institutionCode;
    private final Clock clock;
    private final MsgIdReservations reservations;
    private final Workstation workstation;
    private long second = Long.MIN_VALUE;
    private int sequence;

    /**
     * @param institutionCode the 12-character institution code ({@code fixmedins_code})
     * @param clock           local time of the msgid timestamps
     * @param reservations    durable second reservations (see {@code JdbcMsgIdReservations})
     */
    public MsgIdGenerator(String institutionCode, Clock clock, MsgIdReservations reservations) {
        this(institutionCode, clock, reservations, Workstation.single());
    }

    /**
     * @param institutionCode the 12-character institution code ({@code fixmedins_code})
     * @param clock           local time of the msgid timestamps
     * @param reservations    durable second reservations (see {@code JdbcMsgIdReservations})
     * @param workstation     which workstation of the institution this generator serves
     */
    public MsgIdGenerator(String institutionCode, Clock clock, MsgIdReservations reservations,
                          Workstation workstation) {
        if (institutionCode == null || !INSTITUTION.matcher(institutionCode).matches()) {
            throw new PlatformException(PlatformErrorCode.INVALID_MSGID, "fixmedins_code",
                    "institution code must be 12 letters or digits");
        }
        this.institutionCode = institutionCode;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.workstation = Objects.requireNonNull(workstation, "workstation");
    }

    /** A new msgid, never issued before by any generator sharing the same reservations. */
    public synchronized String next() {
        long now = LocalDateTime.now(clock).toEpochSecond(ZoneOffset.UTC);
        if (now > second || sequence >= workstation.perSecond()) {
            second = reservations.reserve(institutionCode, Math.max(now, second == Long.MIN_VALUE ? now : second + 1));
            sequence = 0;
        }
        String stamp = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(STAMP);
        return institutionCode + stamp + String.format("%04d", workstation.sequence(sequence++));
    }

    /** The institution code. */
    public String institutionCode() {
        return institutionCode;
    }

    /**
     * Checks the shape of {@code msgid}.
     *
     * @throws PlatformException {@code INVALID_MSGID}
     */
    public static String requireValid(String field, String msgid) {
        if (msgid == null || !MSGID.matcher(msgid).matches()) {
            throw new PlatformException(PlatformErrorCode.INVALID_MSGID, field, "not a 30-character msgid");
        }
        return msgid;
    }
}
