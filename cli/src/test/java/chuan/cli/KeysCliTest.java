package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign keys on the command line: a personal key masked in every report format, an unreadable reference exit 3. */
class KeysCliTest {

    private static final String DANGLING = "079203099999";
    private static final String[] FORMATS = {"json", "sarif", "junit", "csv", "markdown", "html", "console"};

    private static Path setUp(Path dir, String reference) throws Exception {
        Files.writeString(dir.resolve("citizens.csv"), "id,name\n079203012345,A\n079203012346,B\n");
        Files.writeString(dir.resolve("households.csv"), "household_id,head_id\n1,079203012345\n2," + DANGLING + "\n3,079203012346\n");
        Path profile = dir.resolve("households.yaml");
        Files.writeString(profile, "profile: t.households\nversion: '1'\ntitle: Households\nkind: dataset\ndataset:\n"
                + "  primary-key: [household_id]\n  foreign-keys:\n    - columns: [head_id]\n"
                + "      reference: {dataset: " + reference + ", columns: [id]}\n"
                + "  columns:\n    - name: household_id\n    - name: head_id\n      type: vn.personal-id\n");
        return profile;
    }

    private static List<String> reports(Path dir, Path profile, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", "-p", profile.toString(), dir.resolve("households.csv").toString(),
                "--as-of", "2026-01-01", "--max-examples", "0", "--fingerprint-key", dir.resolve("key").toString()));
        args.addAll(List.of(more));
        for (String f : FORMATS) {
            args.add("-f");
            args.add(f + "=" + dir.resolve("report." + f));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> texts = new ArrayList<>();
        for (String f : FORMATS) {
            texts.add(Files.readString(dir.resolve("report." + f)));
        }
        return texts;
    }

    @Test
    void aDanglingPersonalIdIsMaskedInEveryFormat(@TempDir Path dir) throws Exception {
        Path profile = setUp(dir, "citizens.csv");
        List<String> texts = reports(dir, profile);
        for (int i = 0; i < FORMATS.length; i++) {
            assertThat(texts.get(i)).as(FORMATS[i]).contains("DATA-FOREIGN-KEY").doesNotContain(DANGLING)
                    .doesNotContain(DANGLING.substring(4, 10));
        }
        assertThat(texts.get(0)).contains("0792******99");
        // the same scan revealing personal data shows it where a format lists values (the Markdown summary lists
        // none): the assertions above can fail
        List<String> revealed = reports(dir, profile, "--reveal-personal-data");
        for (int i = 0; i < FORMATS.length; i++) {
            if (!FORMATS[i].equals("markdown")) {
                assertThat(revealed.get(i)).as(FORMATS[i]).contains(DANGLING);
            }
        }
    }

    @Test
    void anUnreadableReferenceIsAnInputErrorNamingIt(@TempDir Path dir) throws Exception {
        Path profile = setUp(dir, "missing-citizens.csv");
        CliRunner r = CliRunner.run("scan", "-p", profile.toString(), dir.resolve("households.csv").toString(), "--as-of", "2026-01-01");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("households.csv: the reference of foreign key (head_id), ")
                .contains("missing-citizens.csv (id): cannot read: no such file");
    }
}
