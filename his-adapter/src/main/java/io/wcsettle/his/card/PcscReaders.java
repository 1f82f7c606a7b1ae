package io.wcsettle.his.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC readers of this machine ({@code javax.smartcardio}). Lists readers, chooses one by
 * name, waits for a card and opens an exclusive {@link PcscCardChannel}; {@link #monitor} reports
 * readers and cards coming and going.
 *
 * <p>Survives pcscd restarts and the last reader being unplugged: every operation lists the
 * readers again, and a dead PC/SC context is re-established (see {@link #REESTABLISH_OPTION}).
 *
 * <p>On Linux the JDK must find {@code libpcsclite}: set the system property
 * {@value #LIBRARY_PROPERTY} (before the first use of {@code javax.smartcardio} in the JVM), or
 * call {@link #useLibraryIfUnset(Path)}. Opening never fails; each operation throws
 * {@code READER_UNAVAILABLE} saying why (no library, pcscd not running, no reader).
 */
public final class PcscReaders {

    /** The JDK's system property naming the PC/SC library. */
    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";

    /** Where Debian and Ubuntu on amd64 install {@code libpcsclite}. */
    public static final Path DEBIAN_AMD64_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

    /**
     * The JVM option without which a PC/SC context that died (pcscd restarted) cannot be
     * re-established in-process: the JDK keeps it in a private static field.
     */
    public static final String REESTABLISH_OPTION = PcscContext.ADD_OPENS;

    private static final Logger LOG = LoggerFactory.getLogger(PcscReaders.class);

    /** How long a recovery waits for PC/SC to see a pulled card as absent. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(1);
    /** Longest single wait on a terminal, so that a dead context is noticed and replaced. */
    private static final long WAIT_SLICE_MILLIS = 500;

    private final PcscContext context = new PcscContext();

    private PcscReaders() {
    }

    /**
     * Sets {@value #LIBRARY_PROPERTY} to {@code library} when it is unset and the file exists.
     * Must run before the JVM first touches {@code javax.smartcardio}.
     *
     * @return whether the property now names an existing file
     */
    public static boolean useLibraryIfUnset(Path library) {
        if (System.getProperty(LIBRARY_PROPERTY) == null && Files.exists(library)) {
            System.setProperty(LIBRARY_PROPERTY, library.toString());
        }
        String set = System.getProperty(LIBRARY_PROPERTY);
        return set != null && Files.exists(Path.of(set));
    }

    /** The readers of this machine; PC/SC is reached on first use. */
    public static PcscReaders open() {
        return new PcscReaders();
    }

    /**
     * The names of the attached readers, in PC/SC order (empty when none is attached).
     *
     * @throws CardReadException {@code READER_UNAVAILABLE} when PC/SC is unavailable
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (CardTerminal t : context.terminals()) {
            names.add(t.getName());
        }
        return names;
    }

    /**
     * Each attached reader with whether a card is in it, in PC/SC order.
     *
     * @throws CardReadException {@code READER_UNAVAILABLE} when PC/SC is unavailable
     */
    public Map<String, Boolean> snapshot() {
        Map<String, Boolean> readers = new LinkedHashMap<>();
        for (CardTerminal t : context.terminals()) {
            try {
                readers.put(t.getName(), t.isCardPresent());
            } catch (CardException e) {
                String why = PcscContext.reason(e);
                if (PcscContext.isDead(why)) {
                    context.invalidate(why);
                    throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, null,
                            "PC/SC went away (" + why + ")", e);
                }
                LOG.debug("reader vanished while listing: {}", why);
            }
        }
        return readers;
    }

    /**
     * Reports reader and card events ({@link CardReaderEvent}) to {@code listener}, polling every
     * {@code interval} on {@code executor}, until the monitor is closed.
     */
    public CardReaderMonitor monitor(ScheduledExecutorService executor, Duration interval, CardReaderListener listener) {
        return CardReaderMonitor.start(this::snapshot, executor, interval, listener);
    }

    /**
     * Waits up to {@code timeout} for a card in the reader named {@code readerName} (or, when
     * {@code null}, the first reader) and opens it exclusively. A reader that is missing, or a PC/SC
     * that restarts, during the wait is waited for too.
     *
     * @throws CardReadException {@code READER_UNAVAILABLE} (no such reader by the end of the wait),
     *         {@code NO_CARD}, {@code CARD_IO}
     */
    public PcscCardChannel waitForCard(String readerName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CardReadException unavailable = null;
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            CardTerminal terminal;
            try {
                terminal = terminal(readerName);
                unavailable = null;
            } catch (CardReadException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                unavailable = e;
                pause(Math.min(100, left));
                continue;
            }
            try {
                if (terminal.waitForCardPresent(Math.min(WAIT_SLICE_MILLIS, left))) {
                    return PcscCardChannel.open(terminal);
                }
            } catch (CardException e) {
                CardReadException translated = PcscCardChannel.translate(e);
                if (translated.cardErrorCode() != CardErrorCode.READER_UNAVAILABLE) {
                    throw translated;
                }
                context.invalidate(PcscContext.reason(e));
                unavailable = translated;
            }
            if (System.nanoTime() >= deadline) {
                if (unavailable != null) {
                    throw unavailable;
                }
                throw new CardReadException(CardErrorCode.NO_CARD, null, "no card within " + timeout);
            }
        }
    }

    /**
     * Waits up to {@code timeout} until the reader named {@code readerName} (or the first) is empty.
     *
     * @return whether it is empty
     */
    public boolean waitForRemoval(String readerName, Duration timeout) {
        try {
            return terminal(readerName).waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            context.invalidate(PcscContext.reason(e));
            throw PcscCardChannel.translate(e);
        }
    }

    /**
     * Runs {@code read} against the card, exclusively, and recovers from a pull-out: when the card
     * is removed mid-read, everything read so far is dropped, the reader waits (up to
     * {@code timeout}) for a card to be put back and the read starts over, at most
     * {@code maxRecoveries} times.
     *
     * @throws CardReadException {@code NO_CARD}, {@code CARD_REMOVED} once recoveries are used up, or
     *         whatever {@code read} throws
     */
    public <T> T read(String readerName, Duration timeout, int maxRecoveries, CardRead<T> read) {
        Objects.requireNonNull(read, "read");
        int recoveries = 0;
        while (true) {
            PcscCardChannel channel = connect(readerName, timeout);
            try (channel) {
                return read.apply(channel);
            } catch (CardReadException e) {
                if (e.cardErrorCode() == CardErrorCode.READER_UNAVAILABLE && e.getCause() != null) {
                    context.invalidate(PcscContext.reason(e.getCause()));
                }
                if (e.cardErrorCode() != CardErrorCode.CARD_REMOVED || recoveries >= maxRecoveries) {
                    throw e;
                }
                recoveries++;
                LOG.debug("card removed during read, waiting for it to come back [recovery={}]", recoveries);
                // let PC/SC register the removal first, or the stale card would be connected again
                waitForRemoval(readerName, timeout.compareTo(REMOVAL_WAIT) < 0 ? timeout : REMOVAL_WAIT);
            }
        }
    }

    /**
     * Waits for a card and connects; a card that is gone again while connecting (pcscd has not
     * caught up with a pull-out yet) is waited for again, within {@code timeout}.
     */
    private PcscCardChannel connect(String readerName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return waitForCard(readerName, Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            } catch (CardReadException e) {
                if (e.cardErrorCode() != CardErrorCode.CARD_REMOVED || System.nanoTime() > deadline) {
                    throw e;
                }
                pause(20);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardReadException(CardErrorCode.NO_CARD, null, "interrupted while waiting for the card", e);
        }
    }

    /** One read over a card channel, for {@link #read(String, Duration, int, CardRead)}. */
    @FunctionalInterface
    public interface CardRead<T> {
        /** Reads what is needed from {@code channel}. */
        T apply(ApduChannel channel);
    }

    private CardTerminal terminal(String readerName) {
        List<CardTerminal> all = context.terminals();
        if (all.isEmpty()) {
            throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "no PC/SC reader attached");
        }
        if (readerName == null) {
            return all.get(0);
        }
        for (CardTerminal t : all) {
            if (t.getName().equals(readerName)) {
                return t;
            }
        }
        throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, "readerName", "no reader of that name");
    }

    static String causeMessage(Throwable e) {
        return e.getCause() == null ? null : e.getCause().getMessage();
    }
}
