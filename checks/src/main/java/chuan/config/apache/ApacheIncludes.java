package chuan.config.apache;

import chuan.config.SystemRoot;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files an {@code Include} or {@code IncludeOptional} names, as httpd 2.4 expands them
 * (server/config.c, server/util.c): a folder means every entry in it, hidden ones and subfolders
 * too, in byte order; a wildcard may stand in any part of the path, a part before the last matching
 * only folders; {@code *} and {@code ?} match a leading dot only when written. For {@code Include} a
 * wildcard that matches nothing, a folder that cannot be opened, and a file that is not there stop
 * the server; {@code IncludeOptional} skips them. Everything resolves inside the system root.
 */
final class ApacheIncludes {

    /** httpd's AP_MAX_FNMATCH_DIR_DEPTH: folders included inside folders. */
    static final int MAX_FOLDER_DEPTH = 128;

    /** httpd refused the include: its message, as it says it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final SystemRoot root;
    private final boolean optional;
    private final String word;
    private final List<String> files = new ArrayList<>();

    private ApacheIncludes(SystemRoot root, boolean optional, String word) {
        this.root = root;
        this.optional = optional;
        this.word = word;
    }

    /** The files to read, in order, for an absolute system path that may hold wildcards. */
    static List<String> expand(SystemRoot root, String path, boolean optional) throws Refused {
        ApacheIncludes w = new ApacheIncludes(root, optional, "Include/IncludeOptional: ");
        if (!isWildcard(path)) {
            w.plain(path, 0);
        } else {
            List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
            w.walk("/", parts, 0);
        }
        return List.copyOf(w.files);
    }

    /** A path without wildcards: a folder is read whole, recursively; a missing file is for the reader to refuse. */
    private void plain(String path, int depth) throws Refused {
        Optional<Path> disk = root.resolve(path, "/");
        if (disk.isPresent() && Files.isDirectory(disk.get())) {
            if (depth + 1 > MAX_FOLDER_DEPTH) {
                throw new Refused(word + "Directory '" + path + "' exceeds the maximum include directory nesting level of "
                        + MAX_FOLDER_DEPTH + ". You have probably a recursion somewhere.");
            }
            for (String name : entries(path, disk.get(), null, false)) {
                plain(child(path, name), depth + 1);
            }
            return;
        }
        if (optional && (disk.isEmpty() || !Files.exists(disk.get()))) {
            return;
        }
        files.add(path);
    }

    /** Walks the parts of a path with wildcards from {@code dir}. */
    private void walk(String dir, List<String> parts, int index) throws Refused {
        String part = parts.get(index);
        boolean last = index == parts.size() - 1;
        if (!isWildcard(part)) {
            String next = child(dir, part);
            if (last) {
                plain(next, 0);
            } else {
                walk(next, parts, index + 1);
            }
            return;
        }
        Optional<Path> disk = root.resolve(dir, "/");
        if (disk.isEmpty() || !Files.exists(disk.get())) {
            if (optional) {
                return; // only a missing folder is tolerated, as httpd tolerates ENOENT
            }
            throw new Refused(word + "Could not open directory " + dir + ": No such file or directory");
        }
        if (!Files.isDirectory(disk.get())) {
            throw new Refused(word + "Could not open directory " + dir + ": Not a directory");
        }
        List<String> matched = entries(dir, disk.get(), part, !last);
        if (matched.isEmpty() && !optional) {
            throw new Refused(word + "No matches for the wildcard '" + part + "' in '" + dir + "', failing");
        }
        for (String name : matched) {
            if (last) {
                plain(child(dir, name), 0);
            } else {
                walk(child(dir, name), parts, index + 1);
            }
        }
    }

    /** A folder's entries in byte order, matching a pattern when one is given (and only folders when asked). */
    private List<String> entries(String dir, Path disk, String part, boolean foldersOnly) throws Refused {
        Pattern pattern = part == null ? null : glob(part);
        List<String> names;
        try (Stream<Path> s = Files.list(disk)) {
            names = s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new Refused(word + "Could not open directory " + dir + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (pattern != null && !matches(part, pattern, n)) {
                continue;
            }
            if (foldersOnly && !root.resolve(child(dir, n), "/").map(Files::isDirectory).orElse(false)) {
                continue;
            }
            out.add(n);
        }
        out.sort(Comparator.comparing((String n) -> n.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        return out;
    }

    static boolean isWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static String child(String dir, String name) {
        return (dir.endsWith("/") ? dir : dir + "/") + name;
    }

    /**
     * apr_fnmatch for one name: {@code *} any run, {@code ?} one character, {@code [...]} a set
     * ({@code !} or {@code ^} negates), a backslash quotes. As RE2, so matching is linear in the name.
     */
    static Pattern glob(String part) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int close = c == '[' ? part.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '\\' && i + 1 < part.length()) {
                re.append(Pattern.quote(String.valueOf(part.charAt(++i))));
            } else if (close > 0) {
                String set = part.substring(i + 1, close);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                re.append('[').append(negate ? "^" : "");
                for (char m : (negate ? set.substring(1) : set).toCharArray()) {
                    re.append(m == '\\' || m == '[' || m == ']' || m == '^' ? "\\" + m : String.valueOf(m));
                }
                re.append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** APR_FNM_PERIOD: a name starting with a dot is matched only by a pattern that writes the dot. */
    static boolean matches(String part, Pattern pattern, String name) {
        boolean literalDot = part.startsWith(".") || part.startsWith("\\.");
        return (!name.startsWith(".") || literalDot) && pattern.matcher(name).matches();
    }
}
