package chuan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the catalogue; regenerate with {@code ./chuan explain --markdown > docs/rules.md}. */
class RuleDocsTest {

    @Test
    void theRulesPageMatchesTheCatalogue() throws Exception {
        String expected = RuleDocs.markdown(chuan.standard.Shipped.rules());
        Path doc = Path.of("../docs/rules.md");
        assertThat(Files.readString(doc)).as("docs/rules.md is stale: run ./chuan explain --markdown > docs/rules.md")
                .isEqualTo(expected);
    }
}
