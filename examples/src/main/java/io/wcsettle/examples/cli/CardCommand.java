package io.wcsettle.examples.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.card.PcscCardChannel;
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.his.card.Pin;
import io.wcsettle.his.card.PinEntry;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.card.SocialSecurityCardReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code card}: social security card tools over a real PC/SC reader. */
@Command(name = "card", mixinStandardHelpOptions = true, description = "Social security card tools (PC/SC).",
        subcommands = CardCommand.Read.class)
public final class CardCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: read");
    }

    /** Masks all but the first and last character: {@code 1******X}. */
    static String mask(String s) {
        if (s == null || s.length() <= 2) {
            return "**";
        }
        return s.charAt(0) + "*".repeat(s.length() - 2) + s.charAt(s.length() - 1);
    }

    /**
     * What to do when PC/SC is unavailable, in one line: the packages and settings the message of
     * a {@code READER_UNAVAILABLE} points to.
     */
    static String hint(CardReadException e) {
        String m = e.getMessage();
        if (m.contains("no PC/SC library")) {
            return "install libpcsclite (Debian/Ubuntu: apt-get install libpcsclite1 pcscd) or point the JDK at it:"
                    + " java -D" + PcscReaders.LIBRARY_PROPERTY + "=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1 -jar ...";
        }
        if (m.contains("pcscd is not running")) {
            return "start the PC/SC daemon: /usr/sbin/pcscd as root (Debian/Ubuntu: apt-get install pcscd;"
                    + " systemctl start pcscd where systemd runs)";
        }
        if (m.contains("--add-opens")) {
            return "pcscd was restarted or stopped: start it again, and run java " + PcscReaders.REESTABLISH_OPTION
                    + " -jar ... so a restart is survived";
        }
        if (m.contains("no PC/SC reader attached") || m.contains("no reader of that name")) {
            return "plug in the reader (its driver: Debian libccid for USB CCID readers); list readers with"
                    + " 'card read --list'";
        }
        return "check pcscd (/usr/sbin/pcscd), libpcsclite and -D" + PcscReaders.LIBRARY_PROPERTY;
    }

    /** {@code card read}: reads a social security card and prints it, personal data masked. */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read a social security card from a PC/SC reader (pcscd).")
    static final class Read implements Callable<Integer> {

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--reader", paramLabel = "NAME", description = "reader name (default: the first reader)")
        private String reader;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10S",
                description = "how long to wait for a card, ISO-8601 (default: ${DEFAULT-VALUE})")
        private Duration timeout;

        @Option(names = "--list", description = "list the attached readers and exit")
        private boolean list;

        @Option(names = "--pin", description = "ask for the holder's PIN (not echoed) if the card needs it")
        private boolean askPin;

        @Option(names = "--pin-pad", description = "have the holder enter the PIN on the reader's PIN pad")
        private boolean pinPad;

        @Option(names = "--show-personal-data",
                description = "print name, ID number, card number, sex, ethnicity, birthplace and birth date unmasked")
        private boolean showPersonalData;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            PcscReaders.useLibraryIfUnset(PcscReaders.DEBIAN_AMD64_LIBRARY);
            PcscReaders readers = PcscReaders.open();
            try {
                List<String> names = readers.names();
                if (list) {
                    names.forEach(out::println);
                    return 0;
                }
                SocialSecurityCardReader cardReader = SocialSecurityCardReader.withoutPsam(
                        Clock.system(ZoneId.of("Asia/Shanghai")));
                Pin pin = askPin ? readPin() : null;
                try {
                    SocialSecurityCard card = readers.read(reader, timeout, 1,
                            channel -> cardReader.read(channel, pinEntry(channel, pin)));
                    print(out, card);
                } finally {
                    if (pin != null) {
                        pin.clear();
                    }
                }
                return 0;
            } catch (CardReadException e) {
                if (e.cardErrorCode() != CardErrorCode.READER_UNAVAILABLE) {
                    throw e;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + e.getMessage());
                err.println("hint: " + hint(e));
                err.flush();
                return 2;
            }
        }

        private PinEntry pinEntry(ApduChannel channel, Pin pin) {
            if (pinPad) {
                if (!(channel instanceof PcscCardChannel pcsc)) {
                    throw new CardReadException(CardErrorCode.PIN_PAD_UNAVAILABLE, "pinPad", "not a PC/SC reader");
                }
                return PinEntry.onPinPad(pcsc.pinPad().orElseThrow(() -> new CardReadException(
                        CardErrorCode.PIN_PAD_UNAVAILABLE, "pinPad", "the reader reports no FEATURE_VERIFY_PIN_DIRECT")));
            }
            return pin == null ? null : PinEntry.typed(pin);
        }

        private static Pin readPin() {
            Console console = System.console();
            if (console == null) {
                throw new CardReadException(CardErrorCode.INVALID_PIN, "pin", "--pin needs a terminal to ask on");
            }
            char[] typed = console.readPassword("PIN (6 digits): ");
            try {
                return Pin.of(typed);
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
            }
        }

        private void print(PrintStream out, SocialSecurityCard card) {
            out.println("issuing admdvs:         " + card.issuingAdmdvs());
            out.println("identification code:    " + card.identificationCode());
            out.println("card type:              " + card.cardType().orElse("-"));
            out.println("spec version:           " + card.specVersion());
            out.println("initialising inst.:     " + card.initialisingInstitution().orElse("-"));
            out.println("issued / expires:       " + card.issueDate() + " / " + card.expiryDate());
            out.println("ATR historical bytes:   " + card.atrHistoricalBytes().orElse("-"));
            out.println("card number:            " + personal(card.cardNumber()));
            out.println("social security number: " + personal(card.socialSecurityNumber()));
            out.println("name:                   " + personal(card.name()));
            out.println("sex:                    " + (showPersonalData ? card.sex().map(Enum::name).orElse("-") : "**"));
            out.println("ethnicity (GB 3304):    " + (showPersonalData && card.ethnicity().isPresent()
                    ? String.format("%02d", card.ethnicity().getAsInt()) : "**"));
            out.println("birthplace:             " + (showPersonalData
                    ? card.birthplace().map(Object::toString).orElse("-") : "**"));
            out.println("birth date:             " + (showPersonalData ? card.birthDate().toString() : "**"));
        }

        private String personal(String s) {
            return showPersonalData ? s : mask(s);
        }
    }
}
