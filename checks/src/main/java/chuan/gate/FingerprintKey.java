package chuan.gate;

import chuan.model.Fingerprints;
import chuan.util.SmallFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where a project's fingerprint secret lives, and which one a run uses. In order: a file the user
 * names ({@code --fingerprint-key}), the {@code CHUAN_FINGERPRINT_KEY} variable (64 hex digits: a CI
 * secret, for a repository whose reports are public), {@code fingerprint.key} beside the baseline,
 * then the project's {@code .chuan/fingerprint.key}. A file that is missing is created with a fresh
 * random secret, readable by its owner only. A run whose reports nobody compares later (console only)
 * uses a secret of its own and writes nothing.
 */
public final class FingerprintKey {

    public static final String FILE_NAME = "fingerprint.key";
    public static final String ENV = "CHUAN_FINGERPRINT_KEY";

    /** The secret a run uses and where it came from, for messages. */
    public record Chosen(Fingerprints fingerprints, String from) {
    }

    private FingerprintKey() {
    }

    /**
     * The secret for a run. {@code lasting}: the run writes something compared later (a JSON or SARIF
     * report, or it reads a baseline); otherwise a secret for this run only.
     */
    public static Chosen choose(Path named, Map<String, String> env, Path baseline, Path workingDir, boolean lasting)
            throws IOException {
        if (named != null) {
            return new Chosen(loadOrCreate(named), named.toString());
        }
        String hex = env.get(ENV);
        if (hex != null && !hex.isBlank()) {
            return new Chosen(fromHex(hex.strip(), ENV), ENV);
        }
        if (!lasting) {
            return new Chosen(Fingerprints.ephemeral(), "this run only");
        }
        if (baseline != null) {
            Path beside = baseline.toAbsolutePath().getParent().resolve(FILE_NAME);
            if (Files.exists(beside)) {
                return new Chosen(load(beside), beside.toString());
            }
        }
        Path project = workingDir.resolve(".chuan").resolve(FILE_NAME);
        return new Chosen(loadOrCreate(project), project.toString());
    }

    /** Reads a key file: 64 hex digits (whitespace around them ignored). */
    public static Fingerprints load(Path file) throws IOException {
        String text = new String(SmallFiles.read(file, 4096), StandardCharsets.US_ASCII).strip();
        return fromHex(text, file.toString());
    }

    /** Reads the key file, or makes one with a fresh secret when there is none. */
    public static Fingerprints loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        byte[] secret = Fingerprints.newSecret();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.write(file, (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return load(file); // another run made it first
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own permissions apply
        }
        return Fingerprints.of(secret);
    }

    /** Writes a copy of the secret {@code source} holds to {@code target} unless one is there; false when it was. */
    public static boolean copy(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        byte[] text = SmallFiles.read(source, 4096);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return true;
    }

    private static Fingerprints fromHex(String hex, String where) throws IOException {
        if (hex.length() != 2 * Fingerprints.SECRET_BYTES || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException(where + ": a fingerprint key is " + 2 * Fingerprints.SECRET_BYTES + " hexadecimal digits");
        }
        return Fingerprints.of(HexFormat.of().parseHex(hex));
    }
}
