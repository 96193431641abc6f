package chuan.cli;

import chuan.api.Chuan;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Target;
import chuan.report.AuditListener;
import chuan.report.ConsoleReport;
import chuan.report.JsonReport;
import chuan.report.ReportFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command writes (reports, baselines, drafts, generated data). Before anything is
 * written they are checked: no two outputs to one file, no output that is one of the command's
 * inputs (by the file itself, so through a symlink or a hard link too), none that is a directory
 * or read-only. Report files are opened only when their report is written, after the audit has
 * finished, and a file that cannot be written then (a full disk, {@code /dev/full}) is the
 * command's error, one line naming it, never a stack trace or a passing exit code.
 */
final class Outputs {

    /** A file a command is about to write, with the option that named it. */
    record OutputFile(String option, Path path) {
    }

    /** A report file is not opened: the audit read it (see {@link #inputGuard}). */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final Chuan library;
    private final List<ReportFile> files = new ArrayList<>();
    /** Set when the audit read one of the outputs: then no report file is opened. */
    private String refused;

    /** Report writers come from the facade, which knows the rules they name. */
    Outputs(Chuan chuan) {
        this.library = chuan;
    }

    /** Why these outputs cannot be written (the first reason, one line), or null when they can. */
    static String refusal(List<OutputFile> outputs, List<Path> inputs) {
        Map<Object, OutputFile> seen = new HashMap<>();
        for (OutputFile o : outputs) {
            OutputFile before = seen.putIfAbsent(identity(o.path()), o);
            if (before != null) {
                return before.option() + " and " + o.option() + ": two outputs to one file";
            }
        }
        for (OutputFile o : outputs) {
            Object id = identity(o.path());
            for (Path in : inputs) {
                if (in != null && Files.exists(in) && id.equals(identity(in))) {
                    return o.option() + ": " + in + " is an input of this command; refusing to overwrite it";
                }
            }
            String problem = unwritable(o.path());
            if (problem != null) {
                return o.option() + ": " + problem;
            }
        }
        return null;
    }

    /**
     * The file a path names: for an existing file its device and inode (what a symlink or a hard link
     * leads to), else where it would be created, its folder resolved through links.
     */
    static Object identity(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : p.toRealPath();
        } catch (IOException e) {
            Path abs = p.toAbsolutePath().normalize();
            Path parent = abs.getParent();
            try {
                return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException x) {
                return abs;
            }
        }
    }

    /** Why the file cannot be written, or null. */
    static String unwritable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        if (Files.exists(file)) {
            return Files.isWritable(file) && !readOnlyByMode(file) ? null : "is read-only";
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            return "cannot create it: " + dir + " is not a directory";
        }
        return Files.isWritable(dir) ? null : "cannot create it: " + dir + " is read-only";
    }

    /** A regular file nobody may write, which root could still overwrite: its mode says to keep it. */
    private static boolean readOnlyByMode(Path file) {
        try {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
            return a.isRegularFile() && !a.permissions().contains(PosixFilePermission.OWNER_WRITE)
                    && !a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The writer of one {@code -f} option: standard output through the command's writer, or a report file. */
    AuditListener listener(OutputSpec o, PrintWriter out, boolean color) {
        return listener(o, out, color, true);
    }

    /** As above; {@code listErrors} false for a console on standard output whose command prints every error on standard error. */
    AuditListener listener(OutputSpec o, PrintWriter out, boolean color, boolean listErrors) {
        if (o.file() == null) {
            return o.format() == ReportFormat.CONSOLE ? new ConsoleReport(out, color, listErrors)
                    : library.report(o.format(), () -> new StdoutStream(out));
        }
        ReportFile f = file(o.output());
        AuditListener writer = o.format() == ReportFormat.CONSOLE ? new FileConsoleReport(f)
                : library.report(o.format(), f);
        return guarded(writer, f);
    }

    /** A report file's writer whose failure to write the file is kept for {@link #failures}, so the other reports still go out. */
    static AuditListener guarded(AuditListener writer, ReportFile file) {
        return new Guarded(writer, file);
    }

    /** A file written by this command, opened when it is written; a failure to write it is remembered. */
    ReportFile file(OutputFile o) {
        ReportFile f = new ReportFile(o);
        files.add(f);
        return f;
    }

    /** One line per file that could not be written. */
    List<String> failures() {
        List<String> lines = new ArrayList<>();
        for (ReportFile f : files) {
            if (f.failure != null) {
                lines.add(f.output.option() + ": cannot write: " + reason(f.failure));
            }
        }
        return lines;
    }

    /** Why no report file was written (the audit read one of them), or null. */
    String refused() {
        return refused;
    }

    /**
     * Once the audit has read everything and before any report is opened, finds a report that would
     * overwrite a file the audit read (a dataset found in a scanned folder, a configuration's
     * drop-in): then no report file is opened at all, and {@link #refused} says why. Put first
     * among the listeners.
     */
    AuditListener inputGuard() {
        Map<Object, OutputFile> existing = new HashMap<>();
        for (ReportFile f : files) {
            if (Files.exists(f.output.path())) {
                existing.put(identity(f.output.path()), f.output);
            }
        }
        return new AuditListener() {
            @Override
            public void auditFinished(AuditReport report) throws IOException {
                if (existing.isEmpty()) {
                    return;
                }
                for (Target t : report.targets()) {
                    List<String> read = new ArrayList<>();
                    read.add(t.path());
                    if (t.sources() != null && !"dataset".equals(t.kind())) { // a dataset's parts are sheets, not files
                        read.addAll(t.sources());
                    }
                    for (String path : read) {
                        OutputFile o = path == null ? null : existing.get(identityOf(path));
                        if (o != null && refused == null) {
                            refused = o.option() + ": " + path + " is an input of this scan; refusing to overwrite it "
                                    + "(no report file was written)";
                        }
                    }
                }
            }
        };
    }

    /** The identity of a path as a report shows it (relative to the working directory), or null when it names no file. */
    private static Object identityOf(String shown) {
        try {
            return identity(Path.of(shown));
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            m = fs.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** A report file: opened (and its folder created) only when its report is written. */
    final class ReportFile implements JsonReport.Sink {
        private final OutputFile output;
        private IOException failure;

        ReportFile(OutputFile output) {
            this.output = output;
        }

        @Override
        public OutputStream open() throws IOException {
            if (refused != null) {
                throw new Refused(refused);
            }
            try {
                Path parent = output.path().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return new Watched(Files.newOutputStream(output.path()));
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        /** Remembers the first write error: the report writers wrap it in their own exceptions. */
        private final class Watched extends FilterOutputStream {
            Watched(OutputStream out) {
                super(out);
            }

            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            private IOException failed(IOException e) {
                failure = failure == null ? e : failure;
                return e;
            }
        }
    }

    private static final class Guarded implements AuditListener {
        private final AuditListener writer;
        private final ReportFile file;

        Guarded(AuditListener writer, ReportFile file) {
            this.writer = writer;
            this.file = file;
        }

        @Override
        public void auditStarted(List<String> inputs) throws IOException {
            try {
                writer.auditStarted(inputs);
            } catch (IOException | UncheckedIOException e) {
                rethrowUnlessTheFileFailed(e);
            }
        }

        @Override
        public void targetFinished(Target target, List<Result> results, List<AuditError> errors) throws IOException {
            try {
                writer.targetFinished(target, results, errors);
            } catch (IOException | UncheckedIOException e) {
                rethrowUnlessTheFileFailed(e);
            }
        }

        @Override
        public void configurationError(AuditError error) throws IOException {
            writer.configurationError(error);
        }

        @Override
        public chuan.dataset.ViolationSink violations(String target) {
            return writer.violations(target);
        }

        @Override
        public void progress(String target, long bytesRead, long bytesTotal, long records, long violations) {
            writer.progress(target, bytesRead, bytesTotal, records, violations);
        }

        @Override
        public void auditFinished(AuditReport report) throws IOException {
            try {
                writer.auditFinished(report);
            } catch (IOException | UncheckedIOException e) {
                rethrowUnlessTheFileFailed(e);
            }
        }

        private void rethrowUnlessTheFileFailed(Exception e) throws IOException {
            if (file.failure == null && !(e instanceof Refused)) {
                throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            }
        }
    }

    /** The console report written to a file: no colour. */
    static final class FileConsoleReport implements AuditListener {
        private final JsonReport.Sink sink;
        private final java.io.StringWriter buffer = new java.io.StringWriter();
        private final ConsoleReport console;

        FileConsoleReport(JsonReport.Sink sink) {
            this.sink = sink;
            this.console = new ConsoleReport(new PrintWriter(buffer), false);
        }

        @Override
        public void targetFinished(Target t, List<Result> r, List<AuditError> e) {
            console.targetFinished(t, r, e);
        }

        @Override
        public void auditFinished(AuditReport report) throws IOException {
            console.auditFinished(report);
            try (OutputStream out = sink.open()) {
                out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            }
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
            out.print(bytes.toString(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
