package chuan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.audit.Audit;
import chuan.audit.AuditRequest;
import chuan.gate.FailOn;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Target;
import chuan.report.AuditListener;
import chuan.report.JsonReport;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What every fuzz target holds the code to, whatever the input: an audit ends with a report (no
 * exception escapes; Jazzer itself reports a StackOverflowError or OutOfMemoryError), what could not
 * be read is an error and never a pass, every error names its file, and nothing outside the scanned
 * root reaches a report.
 */
final class Promises {

    static final RuleCatalog CATALOG = RuleCatalog.builtIn();
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** One front door for every execution: the built-in profiles are read once. */
    private static final Audit AUDIT = new Audit(CATALOG, "fuzz");

    private Promises() {
    }

    /** One target as the listener saw it: its results and the errors that kept it from being read. */
    record Finished(Target target, List<Result> results, List<AuditError> errors) {
    }

    /** An audit's report with what each target finished with. */
    record Run(AuditReport report, List<Finished> targets) {
    }

    /** Audits inputs with profiles (ids or files), through the library's front door. */
    static Run audit(List<Path> inputs, List<String> profiles) throws IOException {
        List<Finished> finished = new ArrayList<>();
        AuditListener collect = new AuditListener() {
            @Override
            public void targetFinished(Target target, List<Result> results, List<AuditError> errors) {
                finished.add(new Finished(target, List.copyOf(results), List.copyOf(errors)));
            }
        };
        AuditReport report = AUDIT.run(new AuditRequest(inputs, profiles, AS_OF,
                new FailOn(Severity.LOW), 20, false, 1), collect);
        return new Run(report, finished);
    }

    /** A target that could not be read completely has no passing result, and the gate does not pass. */
    static void neverAPassOnWhatWasNotRead(Run run) {
        for (Finished f : run.targets()) {
            for (AuditError e : f.errors()) {
                assertThat(e.path()).as("error without a file: %s", e).isNotBlank();
                assertThat(e.message()).as("error without a message: %s", e).isNotBlank();
            }
            if (!f.errors().isEmpty()) {
                assertThat(f.results()).as("%s could not be read (%s) but passed", f.target().path(), f.errors().get(0).oneLine())
                        .noneMatch(r -> r.status() == Status.PASS);
                assertThat(f.target().status()).as(f.target().path()).isNotEqualTo(Status.PASS);
            }
        }
        if (!run.report().errors().isEmpty()) {
            assertThat(run.report().summary().exitCode()).as("errors %s", run.report().errors()).isGreaterThanOrEqualTo(2);
        }
    }

    /** The file outside the root was never read: its token is in no report. */
    static void nothingReadFromOutside(AuditReport report) throws IOException {
        StringWriter w = new StringWriter();
        JsonReport.write(report, w);
        assertThat(w.toString()).as("a file outside the scanned root reached the report").doesNotContain(Scratch.CANARY);
    }

    /** A file of the test resources, on disk. */
    static Path resource(String name) {
        try {
            return Path.of(Promises.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
