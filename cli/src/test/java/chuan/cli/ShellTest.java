package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** chuan shell reading commands from a pipe: the same commands as on a terminal, one per line. */
class ShellTest {

    static CliRunner shell(String script) {
        return CliRunner.run(script, Main.NO_LISTENER, "shell");
    }

    @Test
    void aScanThenLastAndShowAnswerFromThatScan() {
        CliRunner r = shell("""
                # comments and blank lines are skipped

                last
                scan ../samples -q --no-progress
                last
                show data-unique
                show VN-MST-CHECKSUM
                show ssh-password-auth
                exit
                scan ../samples
                """);
        assertThat(r.out()).contains("No scan yet in this session.");
        assertThat(r.out()).containsPattern("Last scan: 23 target\\(s\\), as of \\d{4}-\\d\\d-\\d\\d, \\d+ result\\(s\\): .*Gate: FAILED \\(exit 1");
        assertThat(r.out()).contains("DATA-UNIQUE Values that must be unique are unique: ../samples/registers/citizen-register-2025-06.csv [id], 4 of 300")
                .contains("row 4 (line 5): \"0242******58\"");
        assertThat(r.out()).contains("VN-MST-CHECKSUM").doesNotContain("Gate: FAILED\nGate");
        assertThat(r.out()).contains("  ../samples/system/etc/ssh/sshd_config.d/50-cloud-init.conf:1: PasswordAuthentication yes is not no");
        assertThat(r.out().split("Last scan:", -1)).hasSize(2); // nothing runs after exit
        assertThat(r.exit()).isZero();                          // the last command (show) succeeded
    }

    @Test
    void theExitCodeIsTheLastCommandsAndErrorsAreOneLine() {
        CliRunner r = shell("show NO-SUCH-RULE\nscan ../samples -q --no-progress\n");
        assertThat(r.err()).contains("chuan: no rule NO-SUCH-RULE");
        assertThat(r.exit()).isEqualTo(1);
        CliRunner nested = shell("shell\n");
        assertThat(nested.err()).contains("already in the shell");
        assertThat(nested.exit()).isEqualTo(2);
        CliRunner quote = shell("scan \"unclosed\n");
        assertThat(quote.exit()).isEqualTo(2);
        assertThat(quote.err()).startsWith("chuan: ").contains("unclosed").doesNotContain("Exception");
    }

    @Test
    void openWritesTheLastScanAsHtml() throws Exception {
        CliRunner r = shell("scan ../samples -q --no-progress\nopen\n");
        String path = r.out().lines().filter(l -> l.endsWith(".html")).findFirst().orElseThrow();
        String html = java.nio.file.Files.readString(java.nio.file.Path.of(path));
        assertThat(html).contains("Gate FAILED").contains("DATA-UNIQUE");
        java.nio.file.Files.delete(java.nio.file.Path.of(path));
    }
}
