package chuan.sql;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The JDBC drivers a scan may use: the bundled ones (PostgreSQL, MariaDB/MySQL, SQLite), and those in
 * the jars of a {@code --driver-path} folder (SQL Server's, Oracle's), loaded with a class loader of their
 * own and registered with {@link DriverManager} through a {@link Shim}, since DriverManager only hands out
 * drivers its caller's class loader can see.
 */
public final class Drivers {

    private final List<Driver> loaded = new ArrayList<>();

    private Drivers() {
    }

    /** The bundled drivers, and those found in the jars of {@code driverPath} (null: none). */
    public static Drivers load(Path driverPath) throws IOException {
        Drivers d = new Drivers();
        for (Driver driver : ServiceLoader.load(Driver.class, Drivers.class.getClassLoader())) {
            d.loaded.add(driver);
        }
        if (driverPath != null) {
            if (!Files.isDirectory(driverPath)) {
                throw new IOException("--driver-path " + driverPath + ": not a directory");
            }
            List<URL> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(driverPath)) {
                for (Path f : files.sorted().toList()) {
                    if (f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
                        jars.add(toUrl(f));
                    }
                }
            }
            if (jars.isEmpty()) {
                throw new IOException("--driver-path " + driverPath + ": holds no .jar file");
            }
            URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), Drivers.class.getClassLoader());
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.getClass().getClassLoader() == loader) {
                    Shim shim = new Shim(driver);
                    try {
                        DriverManager.registerDriver(shim);
                    } catch (SQLException e) {
                        throw new IOException("--driver-path: cannot register " + driver.getClass().getName() + ": " + e.getMessage());
                    }
                    d.loaded.add(0, shim); // a vendor's own driver before a bundled one that would also take the URL
                }
            }
        }
        return d;
    }

    private static URL toUrl(Path f) throws MalformedURLException {
        return f.toUri().toURL();
    }

    /** The driver that takes {@code url}, or null. */
    Driver forUrl(String url) {
        for (Driver d : loaded) {
            try {
                if (d.acceptsURL(url)) {
                    return d;
                }
            } catch (SQLException e) {
                // not this one
            }
        }
        return null;
    }

    /** The class names of the drivers, for a message saying none takes a URL. */
    List<String> names() {
        return loaded.stream().map(d -> d instanceof Shim s ? s.driver.getClass().getName() : d.getClass().getName()).toList();
    }

    /** A driver loaded by another class loader, as {@link DriverManager} accepts it. */
    static final class Shim implements Driver {
        private final Driver driver;

        Shim(Driver driver) {
            this.driver = driver;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
