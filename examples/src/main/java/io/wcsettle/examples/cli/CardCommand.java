package io.wcsettle.examples.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.wcsettle.his.card.PcscReaders;
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

    /** {@code card read}: reads a third-generation card and prints it, personal data masked. */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read a third-generation social security card from a PC/SC reader (pcscd).")
    static final class Read implements Callable<Integer> {

        @Option(names = "--reader", paramLabel = "NAME", description = "reader name (default: the first reader)")
        private String reader;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10S",
                description = "how long to wait for a card, ISO-8601 (default: ${DEFAULT-VALUE})")
        private Duration timeout;

        @Option(names = "--list", description = "list the attached readers and exit")
        private boolean list;

        @Option(names = "--show-personal-data", description = "print name, ID number and card number unmasked")
        private boolean showPersonalData;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            PcscReaders.useLibraryIfUnset(PcscReaders.DEBIAN_AMD64_LIBRARY);
            PcscReaders readers = PcscReaders.open();
            List<String> names = readers.names();
            if (list) {
                names.forEach(out::println);
                return 0;
            }
            SocialSecurityCardReader cardReader = SocialSecurityCardReader.withoutPsam(
                    Clock.system(ZoneId.of("Asia/Shanghai")));
            SocialSecurityCard card = readers.read(reader, timeout, 1, cardReader::read);
            out.println("issuing admdvs:         " + card.issuingAdmdvs());
            out.println("identification code:    " + card.identificationCode());
            out.println("card number:            " + (showPersonalData ? card.cardNumber() : mask(card.cardNumber())));
            out.println("social security number: "
                    + (showPersonalData ? card.socialSecurityNumber() : mask(card.socialSecurityNumber())));
            out.println("name:                   " + (showPersonalData ? card.name() : mask(card.name())));
            out.println("spec version:           " + card.specVersion());
            out.println("issued / expires:       " + card.issueDate() + " / " + card.expiryDate());
            return 0;
        }
    }
}
