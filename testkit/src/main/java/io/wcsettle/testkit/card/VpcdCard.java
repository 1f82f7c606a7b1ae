package io.wcsettle.testkit.card;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

import jdk.net.ExtendedSocketOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link SimulatedSocialSecurityCard} to pcscd's vpcd reader driver
 * ({@code vsmartcard-vpcd}) over TCP, so that {@code javax.smartcardio → libpcsclite → pcscd →
 * vpcd} reads it like a real card. The card connects as a TCP client to the vpcd port (35963 for
 * the first slot); while connected it is "in the reader", {@link #pullOut()} closes the connection
 * (the reader sees the card removed) and {@link #insert()} connects again.
 *
 * <p>Wire protocol (vsmartcard's vpcd/vpicc): every message is a 2-byte big-endian length and a
 * payload. A 1-byte payload from vpcd is a control byte ({@code 0} power off, {@code 1} power on,
 * {@code 2} reset, {@code 4} get ATR); only "get ATR" is answered, with the ATR. Any longer payload
 * is an APDU, answered with the response APDU framed the same way. {@code TCP_NODELAY} is set and,
 * on Linux, {@code TCP_QUICKACK} before every read, or every exchange would wait for delayed ACKs.
 */
public final class VpcdCard implements AutoCloseable {

    /** The vpcd port of the first reader slot. */
    public static final int DEFAULT_PORT = 0x8C7B;

    private static final Logger LOG = LoggerFactory.getLogger(VpcdCard.class);
    private static final boolean QUICK_ACK = quickAckSupported();

    private volatile SimulatedSocialSecurityCard card;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private volatile Socket socket;
    private volatile Thread worker;
    private volatile Duration reinsertAfter;

    private static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    private VpcdCard(SimulatedSocialSecurityCard card, String host, int port, Duration connectTimeout) {
        this.card = Objects.requireNonNull(card, "card");
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Connects {@code card} to vpcd on {@code host:port}, retrying until {@code connectTimeout} (pcscd
     * may still be loading the driver).
     *
     * @throws IOException when vpcd cannot be reached in time
     */
    public static VpcdCard insert(SimulatedSocialSecurityCard card, String host, int port, Duration connectTimeout)
            throws IOException {
        VpcdCard v = new VpcdCard(card, host, port, connectTimeout);
        v.insert();
        return v;
    }

    /** The simulated card. */
    public SimulatedSocialSecurityCard card() {
        return card;
    }

    /**
     * Puts {@code next} behind the same vpcd connection, powered up, nothing selected: the reader
     * and pcscd see no removal (a test running many card layouts over one PC/SC connection).
     */
    public void replaceCard(SimulatedSocialSecurityCard next) {
        next.insert();
        card = Objects.requireNonNull(next, "next");
    }

    /** (Re)connects to vpcd: the card is put into the reader. */
    public synchronized void insert() throws IOException {
        if (socket != null) {
            return;
        }
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        IOException last = null;
        while (true) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), 1000);
                card.insert();
                socket = s;
                Thread t = new Thread(() -> serve(s), "vpcd-card-" + port);
                t.setDaemon(true);
                worker = t;
                t.start();
                LOG.debug("simulated card connected to vpcd [port={}]", port);
                return;
            } catch (IOException e) {
                s.close();
                last = e;
                if (System.nanoTime() > deadline) {
                    throw last;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while connecting to vpcd", ie);
                }
            }
        }
    }

    /** Disconnects from vpcd: the card is pulled out of the reader. */
    public synchronized void pullOut() {
        Socket s = socket;
        socket = null;
        card.pullOut();
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing vpcd connection failed: {}", e.getClass().getSimpleName());
            }
        }
        Thread t = worker;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * When the simulated card pulls itself out ({@code pullOutAfter}), connect it again after
     * {@code delay}: the user puts the card back. {@code null}: leave it out.
     */
    public void reinsertAfter(Duration delay) {
        this.reinsertAfter = delay;
    }

    /** Whether the card is connected to vpcd. */
    public boolean inserted() {
        return socket != null;
    }

    @Override
    public void close() {
        pullOut();
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                quickAck(s);
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                quickAck(s);
                in.readFully(payload);
                if (length == 1) {
                    switch (payload[0]) {
                        case 0, 1, 2 -> card.reset();
                        case 4 -> send(out, card.atrBytes());
                        default -> LOG.debug("unknown vpcd control byte {}", payload[0]);
                    }
                } else if (length > 0) {
                    byte[] response = card.exchange(payload);
                    if (response == null) {
                        pulledOutByCard(s);
                        return;
                    }
                    send(out, response);
                }
            }
        } catch (EOFException e) {
            LOG.debug("vpcd closed the connection");
        } catch (IOException e) {
            LOG.debug("vpcd connection ended: {}", e.getClass().getSimpleName());
        }
    }

    private void pulledOutByCard(Socket s) throws IOException {
        synchronized (this) {
            if (socket == s) {
                socket = null;
            }
        }
        s.close();
        Duration delay = reinsertAfter;
        if (delay != null) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(delay.toMillis());
                    insert();
                } catch (IOException | InterruptedException e) {
                    LOG.debug("re-inserting the simulated card failed: {}", e.getClass().getSimpleName());
                }
            }, "vpcd-card-reinsert");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * vpcd writes the length and the payload separately; with Nagle on its side and delayed ACKs on
     * ours each message would wait ~40 ms. Linux clears quick-ACK mode after a while, so it is set
     * before every read.
     */
    private static void quickAck(Socket s) {
        if (QUICK_ACK) {
            try {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // not Linux: slower, still correct
            }
        }
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }
}
