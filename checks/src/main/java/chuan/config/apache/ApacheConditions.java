package chuan.config.apache;

import chuan.config.SystemRoot;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * httpd's conditional sections, decided while the files are read: {@code <IfModule>} by the modules
 * loaded so far, {@code <IfDefine>} by {@code Define}, {@code <IfFile>} by the file system (inside
 * the root, relative to {@code ServerRoot}), {@code <IfDirective>} and {@code <IfSection>} by what
 * the loaded modules provide, {@code <IfVersion>} against the installed httpd's version (from the
 * root's dpkg database; 2.4.63, the release the directive table comes from, when it has none).
 */
final class ApacheConditions {

    /** The release assumed when the root does not say which one is installed. */
    static final int[] ASSUMED_VERSION = {2, 4, 63};

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");
    private static final Pattern DEBIAN_VERSION = Pattern.compile("^(?:\\d+:)?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final SystemRoot root;
    private final ApacheConfig config;
    private final int[] version;

    ApacheConditions(SystemRoot root, ApacheConfig config) {
        this.root = root;
        this.config = config;
        this.version = installedVersion(root).orElse(ASSUMED_VERSION);
    }

    /** Whether a conditional section's content applies; a message when httpd would refuse the section itself. */
    boolean holds(String section, String args) throws ApacheIncludes.Refused {
        if (args.isEmpty()) {
            throw new ApacheIncludes.Refused("<" + section + "> directive requires additional arguments");
        }
        if (section.equalsIgnoreCase("IfVersion")) {
            return version(args);
        }
        boolean negate = args.startsWith("!");
        String name = (negate ? args.substring(1) : args).strip();
        boolean holds = switch (section.toLowerCase(Locale.ROOT)) {
            case "ifmodule" -> config.modules.contains(ApacheConfig.moduleName(name));
            case "ifdefine" -> config.defines.containsKey(name);
            case "iffile" -> root.resolve(name.startsWith("/") ? name : config.serverRoot + "/" + name, "/")
                    .map(Files::exists).orElse(false);
            case "ifdirective" -> config.provides(name);
            case "ifsection" -> config.provides("<" + name + ">");
            default -> true;
        };
        return negate != holds;
    }

    /** mod_version: {@code [[!]operator] version}, operators = == < <= > >= ~ and /regex/. */
    private boolean version(String args) throws ApacheIncludes.Refused {
        String[] w = args.strip().split("\\s+", 2);
        String op = w.length == 2 ? w[0] : "=";
        String arg = (w.length == 2 ? w[1] : w[0]).strip();
        boolean reverse = op.startsWith("!");
        if (reverse && op.length() > 1) {
            op = op.substring(1);
        }
        String installed = version[0] + "." + version[1] + "." + version[2];
        boolean match = switch (op) {
            case "=", "==" -> arg.startsWith("/") ? regex(unslash(arg), installed) : compare(arg) == 0;
            case "~" -> regex(arg, installed);
            case "<" -> compare(arg) < 0;
            case "<=" -> compare(arg) <= 0;
            case ">" -> compare(arg) > 0;
            case ">=" -> compare(arg) >= 0;
            default -> throw new ApacheIncludes.Refused("unrecognized operator '" + op + "'");
        };
        return reverse != match;
    }

    /** The installed version against {@code major[.minor[.patch]]}, missing parts 0, as mod_version compares. */
    private int compare(String wanted) throws ApacheIncludes.Refused {
        if (!VERSION.matcher(wanted).matches()) {
            throw new ApacheIncludes.Refused("Version appears to be invalid. It must have the format major[.minor[.patch]] "
                    + "where major, minor and patch are numbers.");
        }
        String[] p = wanted.split("\\.");
        for (int i = 0; i < 3; i++) {
            int w = i < p.length ? Integer.parseInt(p[i]) : 0;
            if (version[i] != w) {
                return Integer.compare(version[i], w);
            }
        }
        return 0;
    }

    private static String unslash(String arg) throws ApacheIncludes.Refused {
        if (arg.length() < 2 || !arg.endsWith("/")) {
            throw new ApacheIncludes.Refused("Missing delimiting / of regular expression.");
        }
        return arg.substring(1, arg.length() - 1);
    }

    private static boolean regex(String re, String installed) throws ApacheIncludes.Refused {
        try {
            return Pattern.compile(re).matcher(installed).find();
        } catch (PatternSyntaxException e) {
            throw new ApacheIncludes.Refused("Unable to compile regular expression");
        }
    }

    /** The apache2-bin (or apache2, httpd) version recorded in the root's dpkg database. */
    static Optional<int[]> installedVersion(SystemRoot root) {
        Optional<Path> status = root.resolve("/var/lib/dpkg/status", "/");
        if (status.isEmpty() || !SystemRoot.isFile(status.get())) {
            return Optional.empty();
        }
        try {
            String current = null;
            for (String line : Files.readAllLines(status.get())) {
                if (line.startsWith("Package: ")) {
                    current = line.substring(9).strip();
                } else if (line.startsWith("Version: ") && ("apache2-bin".equals(current) || "apache2".equals(current))) {
                    com.google.re2j.Matcher m = DEBIAN_VERSION.matcher(line.substring(9).strip());
                    if (m.find()) {
                        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3))});
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
