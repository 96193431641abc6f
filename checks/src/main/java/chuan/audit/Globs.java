package chuan.audit;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** {@code applies-to} globs, matched against a path relative to the scanned directory. */
final class Globs {

    private Globs() {
    }

    /** True when any glob matches; a leading {@code **}{@code /} also matches files at the top. */
    static boolean anyMatches(List<String> globs, String relative) {
        Path p = Path.of(relative);
        for (String g : globs) {
            if (matcher(g).matches(p)) {
                return true;
            }
            if (g.startsWith("**/") && matcher(g.substring(3)).matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** Compiled once per glob: a config audit matches every file of an image against the same few globs. */
    private static final java.util.Map<String, PathMatcher> MATCHERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static PathMatcher matcher(String glob) {
        return MATCHERS.computeIfAbsent(glob, g -> FileSystems.getDefault().getPathMatcher("glob:" + g));
    }
}
