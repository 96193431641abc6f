package chuan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The differential suites' roots (scripts/differential/) say where their files come from: a SOURCE
 * beside each, naming a repository, path and commit, a package, or "hand-made:" and what it tests.
 * Read in place: Maven does not copy their links.
 */
class DifferentialCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/differential");

    @Test
    void everyRootHasASourceAndHalfOfEachSuiteIsRealWorld() throws Exception {
        for (String suite : List.of("apache", "sysctl")) {
            List<Path> roots;
            try (Stream<Path> s = Files.list(CORPUS.resolve(suite))) {
                roots = s.filter(Files::isDirectory).sorted().toList();
            }
            assertThat(roots).as(suite).hasSizeGreaterThanOrEqualTo(suite.equals("apache") ? 12 : 10);
            long real = 0;
            for (Path root : roots) {
                Path source = root.resolve("SOURCE");
                assertThat(source).as(root.toString()).isRegularFile();
                String text = Files.readString(source).strip();
                assertThat(text).as(root.toString()).isNotEmpty();
                if (!text.startsWith("hand-made:")) {
                    assertThat(text).as(root + " names where it comes from").containsPattern("https://|packages.debian.org");
                    real++;
                }
                assertThat(root.resolve("etc")).as(root.toString()).isDirectory();
            }
            assertThat(real * 2).as(suite + ": at least half real-world").isGreaterThanOrEqualTo(roots.size());
        }
    }

    /** A commit (40 hex digits) or a Debian package version: where a real-world file can be found again. */
    private static final Pattern WHERE = Pattern.compile("\\b[0-9a-f]{40}\\b|openssh-server 1:[0-9]");

    @Test
    void everySshdRootSaysWhereItComesFromAndMoreThanHalfAreRealWorld() throws Exception {
        List<Path> roots;
        try (Stream<Path> s = Files.list(CORPUS.resolve("sshd"))) {
            roots = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(roots).hasSizeGreaterThanOrEqualTo(60);
        long real = 0;
        Map<String, Path> seen = new HashMap<>();
        for (Path root : roots) {
            Path source = root.resolve("SOURCE");
            assertThat(source).as(root.toString()).isRegularFile();
            String text = Files.readString(source);
            if (text.startsWith("real-world: ")) {
                assertThat(text).as(root + " names a commit or a package version").containsPattern(WHERE);
                real++;
            } else {
                assertThat(text).as(root + ": SOURCE starts \"real-world: \" or \"hand-made: \"").startsWith("hand-made: ");
            }
            assertThat(root.resolve("etc")).as(root.toString()).isDirectory();
            List<Path> files;
            try (Stream<Path> s = Files.walk(root.resolve("etc"))) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            // no two roots with the same files (names and bytes): each one adds a case
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
            Path same = seen.putIfAbsent(HexFormat.of().formatHex(digest.digest()), root);
            assertThat(same).as(root + " has the same files as another root").isNull();
        }
        assertThat(real * 2).as("sshd: more than half real-world (" + real + " of " + roots.size() + ")")
                .isGreaterThan(roots.size());
    }
}
