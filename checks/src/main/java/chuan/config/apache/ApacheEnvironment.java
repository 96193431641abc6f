package chuan.config.apache;

import chuan.config.SystemRoot;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables httpd substitutes for {@code ${NAME}} while reading: Define's values first, then the
 * environment apache2ctl gives it, which on Debian is what {@code /etc/apache2/envvars} exports
 * (plain {@code NAME=value} assignments, {@code $SUFFIX} empty as for the default instance). A name
 * defined nowhere stays as written, as httpd leaves it (with a warning).
 */
final class ApacheEnvironment {

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)\\}");

    private ApacheEnvironment() {
    }

    /** Debian's envvars, read as plain assignments in order; empty for layouts that have none. */
    static Map<String, String> read(SystemRoot root, ApacheConfig.Layout layout) {
        Map<String, String> env = new HashMap<>();
        Optional<Path> f = root.resolve(layout.serverRoot() + "/envvars", "/");
        if (f.isEmpty() || !SystemRoot.isFile(f.get())) {
            return env;
        }
        try {
            for (String line : Files.readAllLines(f.get(), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                Matcher m = ASSIGNMENT.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                String value = m.group(2).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                env.put(m.group(1), expand(value, env));
            }
        } catch (IOException e) {
            return env;
        }
        env.put("SUFFIX", ""); // the default instance: /etc/apache2, not /etc/apache2-NAME
        env.replaceAll((k, v) -> expand(v, env));
        return env;
    }

    /** Shell-style $NAME and ${NAME} in an envvars value, unknown names empty. */
    private static String expand(String value, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(b, Matcher.quoteReplacement(env.getOrDefault(name, "")));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** httpd's ap_resolve_env on a line: ${NAME} from Define's values, then the environment. */
    static String resolve(String line, Map<String, String> defines, Map<String, String> env) {
        if (line.indexOf("${") < 0) {
            return line;
        }
        Matcher m = VARIABLE.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = defines.get(name) != null ? defines.get(name) : env.get(name);
            m.appendReplacement(b, Matcher.quoteReplacement(value != null ? value : m.group(0)));
        }
        m.appendTail(b);
        return b.toString();
    }
}
