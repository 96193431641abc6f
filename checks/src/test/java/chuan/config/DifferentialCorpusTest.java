package chuan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
