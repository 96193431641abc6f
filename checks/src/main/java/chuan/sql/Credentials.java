package chuan.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who connects, and with which password, from the places a password may come from and never the
 * command line: the URL itself (accepted, never shown), a password file ({@code --password-file}),
 * the environment ({@code CHUAN_DB_USER}, {@code CHUAN_DB_PASSWORD}), and for PostgreSQL the
 * {@code .pgpass} file in libpq's format ({@code PGPASSFILE}, else {@code ~/.pgpass}; ignored, as libpq
 * ignores it, when others than its owner may read it). The first that gives a value wins, in that order.
 */
public record Credentials(String user, String password, String from) {

    public static final String USER_ENV = "CHUAN_DB_USER";
    public static final String PASSWORD_ENV = "CHUAN_DB_PASSWORD";

    /** Why a password file could not be read: an input error of its own. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The credentials for {@code url}: {@code env} is the process environment (a test gives its own), {@code home}
     * the user's home folder (for .pgpass), {@code passwordFile} null when none was given.
     */
    public static Credentials resolve(JdbcUrl url, Map<String, String> env, Path passwordFile, Path home) throws Unreadable {
        String user = url.user();
        if (user == null) {
            user = blankToNull(env.get(USER_ENV));
        }
        if (user == null && url.product() == JdbcUrl.Product.POSTGRESQL) {
            user = blankToNull(env.get("PGUSER"));
        }
        if (user == null && url.product() == JdbcUrl.Product.POSTGRESQL) {
            user = System.getProperty("user.name"); // libpq's default: the operating-system user
        }
        if (url.password() != null) {
            return new Credentials(user, url.password(), "the URL");
        }
        if (passwordFile != null) {
            return new Credentials(user, readPasswordFile(passwordFile), "--password-file");
        }
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null) {
            return new Credentials(user, fromEnv, PASSWORD_ENV);
        }
        if (url.product() == JdbcUrl.Product.POSTGRESQL) {
            Path pgpass = env.get("PGPASSFILE") != null ? Path.of(env.get("PGPASSFILE")) : home == null ? null : home.resolve(".pgpass");
            if (pgpass != null) {
                String pw = pgpass(pgpass, url, user);
                if (pw != null) {
                    return new Credentials(user, pw, ".pgpass");
                }
            }
        }
        return new Credentials(user, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The password file's first line, without its line end. */
    static String readPasswordFile(Path file) throws Unreadable {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new Unreadable("--password-file " + file + ": the file is empty (the password is its first line)");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new Unreadable("--password-file " + file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The password of the first line of a .pgpass file matching the URL's host, port, database and
     * user ({@code hostname:port:database:username:password}, {@code *} matches anything, {@code \:} and
     * {@code \\} escape), or null.
     */
    static String pgpass(Path file, JdbcUrl url, String user) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return null; // libpq: "has group or world access; permissions should be u=rw (0600) or less"
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here: read it
        }
        String[] want = url.hostPortDatabase();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = fields(line);
                if (f.size() < 5) {
                    continue;
                }
                if (matches(f.get(0), want[0]) && matches(f.get(1), want[1]) && matches(f.get(2), want[2])
                        && matches(f.get(3), user == null ? "" : user)) {
                    return f.get(4);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** A .pgpass line's five fields, {@code \:} and {@code \\} unescaped; the last takes the rest of the line. */
    private static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                b.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "********") + ", from=" + from + "]";
    }
}
