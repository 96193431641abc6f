package chuan.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JDBC URL as a user gave it, taken apart: the credentials it carries ({@code user:pw@host},
 * {@code user=}, {@code password=}) are moved out, so the URL the driver is given and the one every
 * report, error and progress line shows ({@link #shown()}) hold no password. The URL as given is
 * never kept.
 */
public final class JdbcUrl {

    /** The database products chuan knows by their URL; any other is read through a driver found on --driver-path. */
    public enum Product {
        POSTGRESQL, MARIADB, SQLITE, OTHER
    }

    private final Product product;
    private final String connect;
    private final String user;
    private final String password;
    private final boolean mysqlScheme;

    private JdbcUrl(Product product, String connect, String user, String password, boolean mysqlScheme) {
        this.product = product;
        this.connect = connect;
        this.user = user;
        this.password = password;
        this.mysqlScheme = mysqlScheme;
    }

    /** Whether a command-line input names a database rather than a file. */
    public static boolean isJdbc(String input) {
        return input.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /** Takes {@code url} apart; an input that is no JDBC URL is an {@link IllegalArgumentException} naming it without its password. */
    public static JdbcUrl parse(String url) {
        if (!isJdbc(url) || url.indexOf(':', 5) < 0) {
            throw new IllegalArgumentException("not a JDBC URL (jdbc:SUBPROTOCOL:...): " + redact(url));
        }
        String sub = url.substring(5, url.indexOf(':', 5)).toLowerCase(Locale.ROOT);
        Product product = switch (sub) {
            case "postgresql" -> Product.POSTGRESQL;
            case "mariadb", "mysql" -> Product.MARIADB;
            case "sqlite" -> Product.SQLITE;
            default -> Product.OTHER;
        };
        String user = null;
        String password = null;
        String rest = url;
        int slashes = url.indexOf("://");
        if (slashes >= 0 && product != Product.SQLITE) {
            int authority = slashes + 3;
            int end = authority;
            while (end < url.length() && "/?;".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            int at = url.lastIndexOf('@', end - 1);
            if (at >= authority) {
                String info = url.substring(authority, at);
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : decode(info.substring(colon + 1));
                rest = url.substring(0, authority) + url.substring(at + 1);
            }
        }
        // key=value parameters after ? (joined by &) or ; (SQL Server, Oracle's descriptors aside)
        StringBuilder kept = new StringBuilder();
        int q = firstParameter(rest);
        if (q < 0) {
            kept.append(rest);
        } else {
            kept.append(rest, 0, q);
            char lead = rest.charAt(q);
            List<String> params = new ArrayList<>();
            List<Character> joins = new ArrayList<>();
            int from = q + 1;
            char join = lead;
            for (int i = from; i <= rest.length(); i++) {
                if (i == rest.length() || rest.charAt(i) == '&' || rest.charAt(i) == ';') {
                    params.add(rest.substring(from, i));
                    joins.add(join);
                    if (i < rest.length()) {
                        join = rest.charAt(i);
                    }
                    from = i + 1;
                }
            }
            boolean first = true;
            for (int i = 0; i < params.size(); i++) {
                String p = params.get(i);
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : p.substring(eq + 1);
                if (key.equals("password")) {
                    password = decode(value);
                    continue;
                }
                if (key.equals("user")) {
                    user = user == null ? decode(value) : user;
                    continue;
                }
                if (secretKey(key)) {
                    continue; // sslpassword and the like: not passed on, never shown
                }
                if (p.isEmpty()) {
                    continue;
                }
                kept.append(first ? lead : joins.get(i)).append(p);
                first = false;
            }
        }
        String connect = kept.toString();
        boolean mysql = sub.equals("mysql");
        return new JdbcUrl(product, connect, user, password, mysql);
    }

    private static int firstParameter(String url) {
        int q = url.indexOf('?');
        int semi = -1;
        int slashes = url.indexOf("://");
        if (slashes >= 0) {
            semi = url.indexOf(';', slashes + 3);
        }
        if (q < 0) {
            return semi;
        }
        return semi < 0 ? q : Math.min(q, semi);
    }

    private static boolean secretKey(String key) {
        return key.contains("password") || key.equals("pwd") || key.contains("secret") || key.contains("token");
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Any text with the password of a JDBC URL in it removed, for messages about input that is not even a URL. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("(?i)([?&;])([a-z]*password|pwd)=[^&;\\s]*", "$1$2=********");
        return chuan.model.Masking.urlPasswords(s);
    }

    public Product product() {
        return product;
    }

    /** The URL the driver is given: no user, no password. */
    public String connect() {
        return connect;
    }

    /** The URL as every report and message shows it: the same, so no password can be shown. */
    public String shown() {
        return connect;
    }

    /** The user the URL names (null: none). */
    public String user() {
        return user;
    }

    /** The password the URL carried (null: none); goes to the driver only. */
    String password() {
        return password;
    }

    /** A {@code jdbc:mysql:} URL, read by the MariaDB driver. */
    boolean mysqlScheme() {
        return mysqlScheme;
    }

    /** For PostgreSQL: host, port and database, as .pgpass matches them (the first host of a list). */
    String[] hostPortDatabase() {
        int slashes = connect.indexOf("://");
        if (slashes < 0) {
            return new String[] {"localhost", "5432", ""};
        }
        int authority = slashes + 3;
        int end = authority;
        while (end < connect.length() && "/?".indexOf(connect.charAt(end)) < 0) {
            end++;
        }
        String hostPort = connect.substring(authority, end);
        int comma = hostPort.indexOf(',');
        if (comma >= 0) {
            hostPort = hostPort.substring(0, comma);
        }
        String host = hostPort;
        String port = "5432";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = hostPort.substring(1, Math.max(1, close));
            if (close >= 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
                port = hostPort.substring(close + 2);
            }
        } else if (hostPort.lastIndexOf(':') >= 0) {
            host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        String db = "";
        if (end < connect.length() && connect.charAt(end) == '/') {
            int q = connect.indexOf('?', end);
            db = connect.substring(end + 1, q < 0 ? connect.length() : q);
        }
        return new String[] {host, port, decode(db)};
    }

    /** For SQLite: the database file's path (null for an in-memory database). */
    String sqliteFile() {
        String rest = connect.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        return path.isEmpty() || path.equals(":memory:") ? null : path;
    }

    @Override
    public String toString() {
        return shown();
    }
}
