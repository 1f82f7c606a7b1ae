package io.wcsettle.core.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar the integrator updates at run time by dropping a file in the format of
 * {@code cn-workdays.json} at a fixed path (R-CAL-1): the years in the file are added to, or replace,
 * those of a base calendar (usually {@link WorkingDayCalendar#chinaOfficial()}).
 *
 * <p>{@link #current()} looks at the file at most once per {@code checkEvery} of the injected
 * clock, reads it, and parses it again only when its content changed. It never throws: a file that
 * cannot be read or parsed leaves the last good calendar in place and is reported by
 * {@link #status()}; a file that is removed leaves the base calendar. Thread-safe.
 */
public final class ReloadingCalendarSource implements CalendarSource {

    private final WorkingDayCalendar base;
    private final Path file;
    private final Clock clock;
    private final Duration checkEvery;

    private volatile WorkingDayCalendar current;
    private volatile Status status;
    private Instant nextCheck = Instant.MIN;
    private byte[] lastContent;

    /**
     * What the last look at the file found.
     *
     * @param checkedAt when the file was last looked at (injected clock)
     * @param fromFile  whether the current calendar includes the file's years
     * @param error     why the file's latest content was not taken (unreadable, malformed), empty
     *                  when it was taken or there is no file
     */
    public record Status(Instant checkedAt, boolean fromFile, Optional<String> error) {
        /** Rejects nulls. */
        public Status {
            Objects.requireNonNull(checkedAt, "checkedAt");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A source over {@code base} and the file at {@code file}, which need not exist yet.
     *
     * @param base       the calendar without the file
     * @param file       where the integrator drops the calendar file
     * @param clock      the injected clock that paces the checks
     * @param checkEvery the least time between two looks at the file; zero looks on every call
     */
    public ReloadingCalendarSource(WorkingDayCalendar base, Path file, Clock clock, Duration checkEvery) {
        this.base = Objects.requireNonNull(base, "base");
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
        if (checkEvery.isNegative()) {
            throw new IllegalArgumentException("checkEvery must not be negative");
        }
        this.current = base;
        this.status = new Status(Instant.MIN, false, Optional.empty());
    }

    @Override
    public WorkingDayCalendar current() {
        Instant now = clock.instant();
        synchronized (this) {
            if (!now.isBefore(nextCheck)) {
                check(now);
            }
        }
        return current;
    }

    /** Looks at the file now, whatever the pace, and returns what it found. */
    public Status reload() {
        synchronized (this) {
            check(clock.instant());
        }
        return status;
    }

    /** What the last look at the file found. */
    public Status status() {
        return status;
    }

    private void check(Instant now) {
        nextCheck = now.plus(checkEvery);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            lastContent = null;
            current = base;
            status = new Status(now, false, Optional.empty());
            return;
        } catch (IOException | SecurityException e) {
            status = new Status(now, status.fromFile(), Optional.of("cannot read " + file + ": " + e.getMessage()));
            return;
        }
        if (Arrays.equals(content, lastContent)) {
            status = new Status(now, status.fromFile(), status.error());
            return;
        }
        lastContent = content;
        try {
            current = base.withJson(new ByteArrayInputStream(content));
            status = new Status(now, true, Optional.empty());
        } catch (RuntimeException e) { // a malformed file must never stop a settlement
            status = new Status(now, status.fromFile(), Optional.of("calendar file " + file + " not taken: "
                    + e.getMessage()));
        }
    }
}
