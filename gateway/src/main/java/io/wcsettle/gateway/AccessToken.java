package io.wcsettle.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The local access token every call but {@code /health} and {@code /openapi.json} must carry as
 * {@code Authorization: Bearer <token>}. Made at the first start (32 random bytes, base64url) into a
 * file only its owner can read (POSIX {@code 600}, created with that mode — never readable by others
 * for a moment); a file that group or others can read is refused, as {@code ssh} refuses such a key.
 * Compared in constant time. {@link #toString()} never shows it, and nothing logs it.
 */
public final class AccessToken {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] value;
    private final Path file;

    private AccessToken(byte[] value, Path file) {
        this.value = value;
        this.file = file;
    }

    /**
     * The token in {@code file}, made there first when the file does not exist.
     *
     * @throws GatewayException {@code CONFIG_INVALID} naming {@code token.file} when the file cannot be
     *                          written or read, is readable by group or others, or holds no token
     */
    public static AccessToken loadOrCreate(Path file, SecureRandom random) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                try {
                    if (posix(file.toAbsolutePath().getParent())) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read theirs
                }
            }
            if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "token.file",
                        "the token file is readable by group or others: chmod 600 " + file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() < 16 || !text.matches("[A-Za-z0-9_-]+")) {
                throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "token.file",
                        "the token file holds no token (at least 16 characters of A-Z a-z 0-9 _ -): " + file);
            }
            return new AccessToken(text.getBytes(StandardCharsets.US_ASCII), file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new GatewayException(GatewayErrorCode.CONFIG_INVALID, "token.file",
                    "cannot create or read the token file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    /** The file the token is in. */
    public Path file() {
        return file;
    }

    /**
     * Whether {@code authorization} (the header's value, or {@code null}) is {@code Bearer <this token>};
     * the token is compared in constant time.
     */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, value);
    }

    @Override
    public String toString() {
        return "AccessToken[file=" + file + "]";
    }
}
