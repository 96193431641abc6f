package chuan.cli;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.report.AuditListener;
import chuan.report.ConsoleReport;
import chuan.report.ReportFormat;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where each report goes: a file, or standard output through the command's writer. */
final class Outputs {

    private Outputs() {
    }

    static AuditListener listener(OutputSpec o, PrintWriter out, boolean color) {
        if (o.format() == ReportFormat.CONSOLE) {
            return o.file() == null ? new ConsoleReport(out, color) : new FileConsoleReport(o.file());
        }
        return o.format().listener(o.file() == null ? () -> new StdoutStream(out) : () -> Files.newOutputStream(o.file()),
                RuleCatalog.builtIn());
    }

    /** Null when the file can be written, else why not. */
    static String writable(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isDirectory(file)) {
                return "is a directory";
            }
            return null;
        } catch (IOException e) {
            return "cannot create its folder: " + e.getMessage();
        }
    }

    /** The console report written to a file: no colour. */
    static final class FileConsoleReport implements AuditListener {
        private final Path file;
        private final java.io.StringWriter buffer = new java.io.StringWriter();
        private final ConsoleReport console;

        FileConsoleReport(Path file) {
            this.file = file;
            this.console = new ConsoleReport(new PrintWriter(buffer), false);
        }

        @Override
        public void targetFinished(chuan.model.Target t, List<chuan.model.Result> r, List<AuditError> e) {
            console.targetFinished(t, r, e);
        }

        @Override
        public void auditFinished(AuditReport report) throws IOException {
            console.auditFinished(report);
            Files.writeString(file, buffer.toString());
        }
    }

    /** Standard output as a byte stream, through the command's writer so tests can capture it. */
    static final class StdoutStream extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        StdoutStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            out.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
