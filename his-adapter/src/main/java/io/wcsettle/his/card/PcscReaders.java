package io.wcsettle.his.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC readers of this machine ({@code javax.smartcardio}). Lists readers, chooses one by
 * name, waits for a card and opens an exclusive {@link PcscCardChannel}.
 *
 * <p>On Linux the JDK must find {@code libpcsclite}: set the system property
 * {@value #LIBRARY_PROPERTY} (before the first use of {@code javax.smartcardio} in the JVM), or
 * call {@link #useLibraryIfUnset(Path)}.
 */
public final class PcscReaders {

    /** The JDK's system property naming the PC/SC library. */
    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";

    /** Where Debian and Ubuntu on amd64 install {@code libpcsclite}. */
    public static final Path DEBIAN_AMD64_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

    private static final Logger LOG = LoggerFactory.getLogger(PcscReaders.class);

    /** How long a recovery waits for PC/SC to see a pulled card as absent. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(1);

    private final TerminalFactory factory;

    private PcscReaders(TerminalFactory factory) {
        this.factory = factory;
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

    /**
     * Opens a fresh PC/SC context (so readers attached since are seen).
     *
     * @throws CardReadException {@code READER_UNAVAILABLE} when PC/SC is not available
     */
    public static PcscReaders open() {
        try {
            return new PcscReaders(TerminalFactory.getInstance("PC/SC", null));
        } catch (Exception | LinkageError e) {
            throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, null,
                    "PC/SC is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The names of the attached readers, in PC/SC order.
     *
     * @throws CardReadException {@code READER_UNAVAILABLE}
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (CardTerminal t : terminals()) {
            names.add(t.getName());
        }
        return names;
    }

    /**
     * Waits up to {@code timeout} for a card in the reader named {@code readerName} (or, when
     * {@code null}, the first reader) and opens it exclusively.
     *
     * @throws CardReadException {@code READER_UNAVAILABLE}, {@code NO_CARD}, {@code CARD_IO}
     */
    public PcscCardChannel waitForCard(String readerName, Duration timeout) {
        CardTerminal terminal = terminal(readerName);
        long millis = Math.max(1, timeout.toMillis());
        try {
            if (!terminal.waitForCardPresent(millis)) {
                throw new CardReadException(CardErrorCode.NO_CARD, null, "no card within " + timeout);
            }
            return PcscCardChannel.open(terminal);
        } catch (CardException e) {
            throw PcscCardChannel.translate(e);
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
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
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
        List<CardTerminal> all = terminals();
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

    private List<CardTerminal> terminals() {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            // SCARD_E_NO_READERS_AVAILABLE is reported as an exception by some PC/SC stacks
            if (String.valueOf(e.getMessage()).contains("NO_READERS") || String.valueOf(causeMessage(e)).contains("NO_READERS")) {
                return List.of();
            }
            throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "PC/SC reader list failed", e);
        } catch (RuntimeException e) {
            throw new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "PC/SC reader list failed", e);
        }
    }

    static String causeMessage(Throwable e) {
        return e.getCause() == null ? null : e.getCause().getMessage();
    }
}
