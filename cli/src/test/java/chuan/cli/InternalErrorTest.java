package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bug in chuan is exit code 4 with one line, the stack trace only with --debug. The bug is
 * planted through the hook the shell uses to keep the last report: it throws after the audit,
 * inside the command, as a bug in a command would (out of memory, the other way to exit 4, is
 * HostileInputTest's).
 */
class InternalErrorTest {

    static final String[] SCAN = {"scan", "-p", "../checks/src/test/resources/fixtures/people.yaml",
        "../checks/src/test/resources/fixtures/people-clean.csv", "-q", "--no-progress"};

    @AfterEach
    void removeTheBug() {
        ScanCommand.reportSink = null;
    }

    private static void plantABug() {
        ScanCommand.reportSink = report -> {
            throw new IllegalStateException("planted bug");
        };
    }

    @Test
    void aBugIsExitFourWithOneLine() {
        assertThat(CliRunner.run(SCAN).exit()).as("without the bug the clean file passes").isZero();
        plantABug();
        CliRunner r = CliRunner.run(SCAN);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("chuan: internal error: java.lang.IllegalStateException: planted bug "
                + "(run again with --debug for details)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withDebugTheBugsStackTraceIsShown() {
        plantABug();
        String[] debug = java.util.Arrays.copyOf(SCAN, SCAN.length + 1);
        debug[SCAN.length] = "--debug";
        CliRunner r = CliRunner.run(debug);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).startsWith("chuan: internal error: java.lang.IllegalStateException: planted bug\n")
                .contains("\tat chuan.cli.ScanCommand.call");
    }
}
