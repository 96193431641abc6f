package chuan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real database server for tests: PostgreSQL or MariaDB from Debian's packages, started by
 * {@code scripts/db/postgres.sh} or {@code scripts/db/mariadb.sh} on a free port of 127.0.0.1, with
 * chuan's sample register loaded by {@code scripts/db/load-samples.sh} (tables {@code citizens},
 * {@code citizens_typed}, {@code households}; see that script). Never a mock.
 *
 * <p>Each server is started once per JVM, when a test first asks for it, in
 * {@code target/real-db/KIND} of the module, and stopped by its pid (through the script's
 * {@code stop}) in a shutdown hook. When the server's binaries are missing the call fails with one
 * sentence saying what to install; it never skips: a test that needs a database and silently did
 * not run would hide the very thing it checks. A failed start is remembered, so every later test of
 * the same JVM fails at once with the same message instead of trying again.
 */
public final class RealDatabase {

    private enum Kind {
        POSTGRES("postgres", "PostgreSQL"),
        MARIADB("mariadb", "MariaDB");

        final String script;
        final String product;

        Kind(String script, String product) {
            this.script = script;
            this.product = product;
        }
    }

    /** The scripts' exit code when the server's binaries are not installed. */
    private static final int EXIT_MISSING = 69;
    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long SQL_TIMEOUT_SECONDS = 120;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    /** Per kind: the running server, or the message of its failed start. */
    private static final Map<Kind, Object> SERVERS = new EnumMap<>(Kind.class);

    private final Kind kind;
    private final Path scripts;
    private final Path dir;
    private final Map<String, String> env;

    private RealDatabase(Kind kind, Path scripts, Path dir, Map<String, String> env) {
        this.kind = kind;
        this.scripts = scripts;
        this.dir = dir;
        this.env = env;
    }

    /** The PostgreSQL server of this JVM, started on first use. */
    public static RealDatabase postgres() {
        return server(Kind.POSTGRES);
    }

    /** The MariaDB server of this JVM, started on first use. */
    public static RealDatabase mariadb() {
        return server(Kind.MARIADB);
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/registers} or {@code jdbc:mariadb://...}. */
    public String jdbcUrl() {
        return env.get("JDBC_URL");
    }

    /** The test role: no superuser, owns (PostgreSQL) or holds every privilege on (MariaDB) {@code registers}. */
    public String user() {
        return env.get("USER");
    }

    public String password() {
        return env.get("PASSWORD");
    }

    /** {@code postgres} or {@code mariadb}. */
    public String kind() {
        return kind.script;
    }

    /** The server's process id, as recorded at start. */
    public long pid() {
        return Long.parseLong(env.get("PID"));
    }

    /** The folder the server was started in (holding {@code server.env}). */
    public Path dir() {
        return dir;
    }

    /** A value of {@code server.env}: {@code PORT}, {@code PID_FILE}, {@code DATA_DIR}, {@code LOG}, {@code VERSION}, ... */
    public String env(String key) {
        return env.get(key);
    }

    /** A new JDBC connection as {@link #user()}; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /**
     * Runs SQL as {@link #user()} on {@code registers} through the server's own client
     * ({@code psql} / {@code mariadb}, via the script's {@code sql}) and gives its output: rows
     * tab-separated, without a header, NULL as {@code NULL}, without the last line break.
     * A statement that fails is an {@link IllegalStateException} carrying the client's message.
     */
    public String sql(String sql) {
        Result result = run(scripts.resolve(kind.script + ".sh"), List.of("sql", dir.toString()), sql, SQL_TIMEOUT_SECONDS);
        if (result.code != 0) {
            throw new IllegalStateException(kind.product + " refused the SQL (exit " + result.code + "): " + result.err.strip());
        }
        String out = result.out;
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    @Override
    public String toString() {
        return kind.product + " " + env.get("VERSION") + " at " + jdbcUrl() + " (pid " + env.get("PID") + ")";
    }

    private static synchronized RealDatabase server(Kind kind) {
        Object known = SERVERS.get(kind);
        if (known == null) {
            try {
                known = start(kind);
            } catch (IllegalStateException e) {
                known = e.getMessage();
            }
            SERVERS.put(kind, known);
        }
        if (known instanceof String) {
            throw new IllegalStateException((String) known);
        }
        return (RealDatabase) known;
    }

    private static RealDatabase start(Kind kind) {
        Path root = repositoryRoot();
        Path scripts = root.resolve("scripts").resolve("db");
        Path script = scripts.resolve(kind.script + ".sh");
        Path dir = moduleDir().resolve("target").resolve("real-db").resolve(kind.script);
        // a server that a killed JVM left running here is stopped first (stop is idempotent)
        run(script, List.of("stop", dir.toString()), null, STOP_TIMEOUT_SECONDS);
        long began = System.nanoTime();
        Result started = run(script, List.of("start", dir.toString()), null, START_TIMEOUT_SECONDS);
        if (started.code == EXIT_MISSING) {
            throw new IllegalStateException(lastMessage(started.err, kind.product + " server binaries not found: apt-get install "
                    + (kind == Kind.POSTGRES ? "postgresql" : "mariadb-server") + " (.ci/run does)"));
        }
        if (started.code != 0) {
            throw new IllegalStateException(kind.product + " did not start (scripts/db/" + kind.script + ".sh start " + dir
                    + ", exit " + started.code + "): " + started.err.strip());
        }
        Map<String, String> env = readEnv(dir.resolve("server.env"));
        RealDatabase db = new RealDatabase(kind, scripts, dir, env);
        Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "stop " + kind.script));
        long startedAt = System.nanoTime();
        Result loaded = run(scripts.resolve("load-samples.sh"), List.of(dir.toString()), null, SQL_TIMEOUT_SECONDS);
        if (loaded.code != 0) {
            throw new IllegalStateException("could not load the samples into " + kind.product + " (scripts/db/load-samples.sh "
                    + dir + ", exit " + loaded.code + "): " + loaded.err.strip());
        }
        long done = System.nanoTime();
        System.err.printf("RealDatabase: %s started in %.1f s, samples loaded in %.1f s (%s)%n", db, (startedAt - began) / 1e9,
                (done - startedAt) / 1e9, loaded.out.strip());
        return db;
    }

    /** Stops the server by its recorded pid; the shutdown hook. */
    private void stop() {
        Result stopped = run(scripts.resolve(kind.script + ".sh"), List.of("stop", dir.toString()), null, STOP_TIMEOUT_SECONDS);
        if (stopped.code != 0) {
            // the script could not: the process itself, by the same pid
            ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The script's own sentence ("postgres.sh: error: SENTENCE"), or the fallback when it printed none. */
    private static String lastMessage(String err, String fallback) {
        String[] lines = err.strip().split("\n");
        String last = lines[lines.length - 1];
        int at = last.indexOf(": error: ");
        return at >= 0 ? last.substring(at + ": error: ".length()) : fallback;
    }

    /** The module's folder: Maven runs tests there (basedir); an IDE may run them from the repository root. */
    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path dir = Paths.get(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        if (Files.isRegularFile(dir.resolve(".ci").resolve("run"))) {
            dir = dir.resolve("checks");
        }
        return dir;
    }

    /** The repository: the first folder, from the working directory up, holding {@code .ci/run}. */
    public static Path repositoryRoot() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".ci").resolve("run"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder holding .ci/run) at or above " + start);
    }

    private static Map<String, String> readEnv(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the server started but " + file + " cannot be read: " + e.getMessage());
        }
        for (String key : List.of("KIND", "JDBC_URL", "USER", "PASSWORD", "PID", "PORT")) {
            if (!env.containsKey(key)) {
                throw new IllegalStateException(file + " has no " + key);
            }
        }
        return Collections.unmodifiableMap(env);
    }

    private static final class Result {
        final int code;
        final String out;
        final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    /**
     * Runs {@code bash SCRIPT ARGS...}, standard input from {@code input} (or nothing), output and
     * errors through files (a server the script leaves running holds no pipe of ours).
     */
    private static Result run(Path script, List<String> args, String input, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(args);
        Path out = null;
        Path err = null;
        Path in = null;
        try {
            out = Files.createTempFile("chuan-db-", ".out");
            err = Files.createTempFile("chuan-db-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input != null) {
                in = Files.createTempFile("chuan-db-", ".sql");
                Files.writeString(in, input, StandardCharsets.UTF_8);
                builder.redirectInput(in.toFile());
            } else {
                builder.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command));
        } finally {
            for (Path file : new Path[] {out, err, in}) {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temporary file left behind is harmless
                    }
                }
            }
        }
    }
}
