package chuan.config.files;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The secret scan: every text file a control's {@code paths} match, read together as one tree; the
 * key names a detector ({@code private-key}, {@code any}) and every value found is a secret.
 */
public final class SecretsFormat implements ConfigFormat {

    /** Bigger files are not configuration; the secret scan skips them. */
    static final long MAX_SECRET_SCAN = 4L << 20;

    @Override
    public String label() {
        return "secrets";
    }

    @Override
    public List<String> markers() {
        return List.of();
    }

    @Override
    public boolean readsFilesTogether() {
        return true;
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        if (tooLargeToScan(root, systemPath)) {
            return new SecretsFile(systemPath, "");
        }
        return FileFormats.read(root, systemPath, (file, text) -> new SecretsFile(file, binary(text) ? "" : text));
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.EVERY_VALUE;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.empty();
    }

    /** Bigger than configuration ever is: the secret scan passes over it (a regular file; anything else is read and refused). */
    private static boolean tooLargeToScan(SystemRoot root, String systemPath) {
        Optional<Path> p = root.resolve(systemPath, "/");
        try {
            return p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS) && Files.size(p.get()) > MAX_SECRET_SCAN;
        } catch (IOException e) {
            return false; // then reading it says why
        }
    }

    /** A NUL character in the first 8 KiB: a binary file, not text worth scanning. */
    private static boolean binary(String text) {
        return text.substring(0, Math.min(text.length(), 8192)).indexOf('\0') >= 0;
    }
}
