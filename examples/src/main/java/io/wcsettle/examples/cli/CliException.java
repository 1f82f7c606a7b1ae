package io.wcsettle.examples.cli;

/**
 * A failure of a command whose message is already what the user should read, e.g.
 * {@code "not an SM2 public key in PEM: keys/his.pem"}; {@code WcsettleCli} prints it as the one
 * {@code error:} line (the cause only with {@code --verbose}).
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure explained by {@code message}, caused by {@code cause}. */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
