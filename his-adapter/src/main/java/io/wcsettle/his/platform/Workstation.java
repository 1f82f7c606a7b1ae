package io.wcsettle.his.platform;

/**
 * Which of an institution's workstations issues msgids, so that several HIS workstations,
 * processes and outboxes of one institution never produce the same msgid. The msgid's 4-digit
 * sequence (PROTOCOL.md: institution code 12 + {@code yyyyMMddHHmmss} + sequence 4) is split: its
 * first digits are the workstation number, the rest count within the second.
 *
 * <ul>
 *   <li>{@link #single()}: one outbox for the whole institution (or several processes on one shared
 *       outbox database, whose second reservations already keep them apart): 10,000 ids a second.</li>
 *   <li>{@link #of(int, int)} with up to 10 workstations: 1 digit, 1,000 ids a second each; up to 100:
 *       2 digits, 100 ids a second each. A workstation that needs more moves on to the next second.</li>
 * </ul>
 *
 * @param number    this workstation's number, {@code 0 ≤ number < of}
 * @param of        how many workstations the institution numbers (1 for {@link #single()})
 */
public record Workstation(int number, int of) {

    /** Checks the numbering. */
    public Workstation {
        if (of < 1 || of > 100) {
            throw new PlatformException(PlatformErrorCode.INVALID_MSGID, "workstations", "1 to 100 workstations");
        }
        if (number < 0 || number >= of) {
            throw new PlatformException(PlatformErrorCode.INVALID_MSGID, "workstation", "0 to " + (of - 1));
        }
    }

    /** The whole institution issues msgids from one outbox (or one shared outbox database). */
    public static Workstation single() {
        return new Workstation(0, 1);
    }

    /** Workstation {@code number} of {@code of} numbered workstations. */
    public static Workstation of(int number, int of) {
        return new Workstation(number, of);
    }

    /** Digits of the sequence taken by the workstation number: 0, 1 or 2. */
    int digits() {
        return of == 1 ? 0 : of <= 10 ? 1 : 2;
    }

    /** Ids this workstation may issue in one second. */
    int perSecond() {
        return (int) Math.pow(10, 4 - digits());
    }

    /** The 4-digit sequence of the {@code n}-th id of a second. */
    int sequence(int n) {
        return number * perSecond() + n;
    }
}
