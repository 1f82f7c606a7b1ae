package io.wcsettle.his.platform;

/**
 * Port: durable reservation of msgid seconds, so that msgids stay unique across restarts.
 * Each call grants a second strictly later than every second granted before, to this process
 * or to an earlier one.
 */
public interface MsgIdReservations {

    /**
     * Reserves a second for msgids of {@code institutionCode}: {@code wanted} when it is later
     * than every second granted before, otherwise the next free one.
     *
     * @return the granted second (epoch seconds in the generator's zone, as a local date-time)
     */
    long reserve(String institutionCode, long wanted);

    /** Reservations held in memory only: unique within one process. */
    static MsgIdReservations inMemory() {
        return new MsgIdReservations() {
            private long last = Long.MIN_VALUE;

            @Override
            public synchronized long reserve(String institutionCode, long wanted) {
                last = Math.max(wanted, last == Long.MIN_VALUE ? wanted : last + 1);
                return last;
            }
        };
    }
}
