package chuan.audit;

import chuan.util.Glob;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code applies-to} and config {@code paths} globs, matched against a path relative to the scanned directory. */
final class Globs {

    private Globs() {
    }

    /** True when any glob matches; a leading {@code **}{@code /} also matches files at the top. */
    static boolean anyMatches(List<String> globs, String relative) {
        for (String g : globs) {
            if (compiled(g).matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /** Compiled once per glob: a config audit matches every file of an image against the same few globs. */
    private static final Map<String, Glob> COMPILED = new ConcurrentHashMap<>();

    /** The glob, compiled; profiles were checked when they loaded, so an invalid one here is a bug. */
    static Glob compiled(String glob) {
        return COMPILED.computeIfAbsent(glob, g -> Glob.compile(g, Glob.Syntax.PATH));
    }
}
