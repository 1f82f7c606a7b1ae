package io.wcsettle.his.card;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC context of this JVM, re-established when it dies.
 *
 * <p>The JDK's {@code javax.smartcardio} (SunPCSC) establishes one context per JVM, in a static
 * field ({@code sun.security.smartcardio.PCSCTerminals.contextId}), on first use, and never
 * again: once pcscd restarts (or, on Windows, the smart card service stops with the last reader
 * unplugged) every call fails with {@code SCARD_E_NO_SERVICE} / {@code SCARD_E_SERVICE_STOPPED} /
 * {@code SCARD_E_INVALID_HANDLE}, and a fresh {@code TerminalFactory.getInstance("PC/SC", null)}
 * does not help because it reuses the dead static context (checked on JDK 17 against pcscd
 * 1.9.9). The only way back without restarting the JVM is to clear that field (and the JDK's cache
 * of terminals holding it) so the next factory establishes a new context. That needs
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} on the command line
 * (the examples jar's manifest carries it); without it the failure says so.
 *
 * <p>{@code SCARD_E_NO_READERS_AVAILABLE} is not a dead context on pcsc-lite: it is an empty list.
 */
final class PcscContext {

    /** The JVM option that allows re-establishing the context. */
    static final String ADD_OPENS = "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";

    private static final Logger LOG = LoggerFactory.getLogger(PcscContext.class);

    private TerminalFactory factory;

    /**
     * The readers PC/SC lists now; a dead context is re-established once per call.
     *
     * @throws CardReadException {@code READER_UNAVAILABLE} with the reason (no library, pcscd not
     *         running, context not re-establishable)
     */
    synchronized List<CardTerminal> terminals() {
        for (int attempt = 0; ; attempt++) {
            long before = JdkContext.current();
            TerminalFactory f = factory();
            try {
                return f.terminals().list();
            } catch (CardException | RuntimeException e) {
                String why = reason(e);
                if (why.contains("NO_READERS_AVAILABLE")) {
                    return List.of();
                }
                if (isDead(why) && attempt == 0) {
                    reestablish(before, why);
                    continue;
                }
                throw unavailable("PC/SC reader list failed (" + why + ")"
                        + (isDead(why) && !JdkContext.resettable() ? "; start the JVM with " + ADD_OPENS : ""), e);
            }
        }
    }

    /** Forgets the context after {@code why} (a dead-context error seen on a card or terminal call). */
    synchronized void invalidate(String why) {
        if (isDead(why)) {
            reestablish(JdkContext.current(), why);
        }
    }

    private void reestablish(long dead, String why) {
        LOG.debug("PC/SC context is dead ({}), re-establishing", why);
        factory = null;
        JdkContext.resetIfStill(dead);
    }

    private TerminalFactory factory() {
        if (factory == null) {
            try {
                factory = TerminalFactory.getInstance("PC/SC", null);
            } catch (Exception | LinkageError e) {
                String why = reason(e);
                if (why.contains("NO_SERVICE") || why.contains("SERVICE_STOPPED")) {
                    throw unavailable("pcscd is not running (" + why + ")", e);
                }
                throw unavailable("no PC/SC library (" + why + "): install libpcsclite, or set -D"
                        + PcscReaders.LIBRARY_PROPERTY + "=<path of libpcsclite.so.1>", e);
            }
        }
        return factory;
    }

    private static CardReadException unavailable(String message, Throwable cause) {
        return new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, message, cause);
    }

    /** Whether {@code why} means the context is gone. */
    static boolean isDead(String why) {
        return why.contains("NO_SERVICE") || why.contains("SERVICE_STOPPED") || why.contains("INVALID_HANDLE")
                || why.contains("F_COMM_ERROR");
    }

    /** The messages of {@code e} and its causes, for matching PC/SC error names. */
    static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" / ");
            }
            sb.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    /** Access to the JDK's static context (see the class doc). */
    static final class JdkContext {

        private static final String TERMINALS_CLASS = "sun.security.smartcardio.PCSCTerminals";
        private static volatile boolean warned;

        private JdkContext() {
        }

        /** Whether the JVM lets this class clear the context. */
        static boolean resettable() {
            return field("contextId") != null;
        }

        /** The current context id, 0 when none, -1 when not readable. */
        static long current() {
            Field id = field("contextId");
            if (id == null) {
                return -1;
            }
            try {
                return id.getLong(null);
            } catch (IllegalAccessException e) {
                return -1;
            }
        }

        /** Clears the context if it is still {@code dead} (not re-established by another thread meanwhile). */
        static void resetIfStill(long dead) {
            Field id = field("contextId");
            Field terminals = field("terminals");
            if (id == null || terminals == null) {
                if (!warned) {
                    warned = true;
                    LOG.warn("cannot re-establish the PC/SC context after pcscd restarted: start the JVM with {}",
                            ADD_OPENS);
                }
                return;
            }
            try {
                Class<?> owner = id.getDeclaringClass();
                synchronized (owner) { // PCSCTerminals.initContext is static synchronized on the class
                    if (dead == -1 || id.getLong(null) == dead) {
                        id.setLong(null, 0L);
                        ((Map<?, ?>) terminals.get(null)).clear();
                    }
                }
            } catch (IllegalAccessException | RuntimeException e) {
                LOG.warn("clearing the PC/SC context failed: {}", e.getClass().getSimpleName());
            }
        }

        private static Field field(String name) {
            try {
                Field f = Class.forName(TERMINALS_CLASS).getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
