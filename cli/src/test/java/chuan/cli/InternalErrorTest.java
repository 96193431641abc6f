package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.report.AuditListener;
import org.junit.jupiter.api.Test;

/**
 * A bug in chuan is exit code 4 with one line, the stack trace only with --debug. The bug is
 * planted through the listener a session gives its scans (the shell keeps the last report with
 * it): it throws when the audit finishes, inside the command, as a bug in a command would (out of
 * memory, the other way to exit 4, is HostileInputTest's).
 */
class InternalErrorTest {

    static final String[] SCAN = {"scan", "-p", "../checks/src/test/resources/fixtures/people.yaml",
        "../checks/src/test/resources/fixtures/people-clean.csv", "-q", "--no-progress"};

    /** Throws once the report is made, after every report listener has written. */
    private static final AuditListener BUG = new AuditListener() {
        @Override
        public void auditFinished(AuditReport report) {
            throw new IllegalStateException("planted bug");
        }
    };

    private static CliRunner withTheBug(String... args) {
        return CliRunner.run("", BUG, args);
    }

    @Test
    void aBugIsExitFourWithOneLine() {
        assertThat(CliRunner.run("", Main.NO_LISTENER, SCAN).exit()).as("without the bug the clean file passes").isZero();
        CliRunner r = withTheBug(SCAN);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("chuan: internal error: java.lang.IllegalStateException: planted bug "
                + "(run again with --debug for details)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withDebugTheBugsStackTraceIsShown() {
        String[] debug = java.util.Arrays.copyOf(SCAN, SCAN.length + 1);
        debug[SCAN.length] = "--debug";
        CliRunner r = withTheBug(debug);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).startsWith("chuan: internal error: java.lang.IllegalStateException: planted bug\n")
                .contains("\tat chuan.cli.ScanCommand.execute");
    }

    @Test
    void aBugInAScanInTheShellIsTheShellsExitFour() {
        CliRunner r = withTheBug("shell");
        assertThat(r.exit()).as("an empty session").isZero();
        r = CliRunner.run(String.join(" ", SCAN) + "\n", BUG, "shell");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("chuan: internal error: java.lang.IllegalStateException: planted bug "
                + "(run again with --debug for details)\n");
    }
}
