package chuan.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration format a control can name, described once: where its files are, how its program
 * reads them, what a key looks like, which values are secrets, and how {@code chuan effective} shows
 * it. Each format has one descriptor, listed once in {@code chuan.config.check.ConfigFormats}; the
 * profile and report schemas, docs/config-audits.md and the command line are checked against that
 * list. A daemon's format knows where its main file is; a file format ({@code properties},
 * {@code yaml}, ...) reads each file a control's {@code paths} match.
 */
public interface ConfigFormat {

    /** The name profiles and reports use: {@code sshd}, {@code login.defs}, {@code properties}. */
    String label();

    /**
     * Paths (relative to the system root) whose presence means the program is installed and
     * configured there, the first present being its main file; empty for formats read from the files
     * a control names.
     */
    List<String> markers();

    /** Whether the control's own {@code paths} say which files to read. */
    default boolean readsNamedFiles() {
        return markers().isEmpty();
    }

    /**
     * Whether the files a control names are read as one configuration (a tree searched for secrets)
     * rather than each file as a configuration of its own.
     */
    default boolean readsFilesTogether() {
        return false;
    }

    /**
     * Reads the configuration inside a root the way its program does. {@code systemPath} is the file
     * a file format reads, or the PAM service file; a daemon knows its own. {@code versions} are the
     * program versions whose compiled-in defaults apply.
     */
    EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions);

    /** As {@link #read(SystemRoot, String, InstalledVersions)}, with the versions the root's package database names. */
    default EffectiveConfig read(SystemRoot root, String systemPath) {
        return read(root, systemPath, InstalledVersions.read(root, Map.of()));
    }

    /**
     * What is wrong with a control's key, if anything, in one sentence that says how keys are
     * written in this format (a {@code lines} key that is no regular expression); checked when the
     * profile loads.
     */
    default Optional<String> keyProblem(String key) {
        return Optional.empty();
    }

    /** Which values of this format are secrets, masked in every output. */
    SecretPolicy secrets();

    /** How {@code chuan effective} shows this format; empty when it does not. */
    Optional<EffectiveView> effective();
}
