package chuan.config.sshd;

import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The root's own users, groups and service names, as sshd would see them through nsswitch's
 * {@code files}: {@code /etc/passwd} (home directories for {@code ~}, primary groups),
 * {@code /etc/group} (supplementary groups, for {@code Match Group}) and {@code /etc/services}
 * ({@code Port ssh}). A file the root lacks is empty: nothing from the machine running chuan is read.
 */
final class SshdAccounts {

    private record User(String name, String uid, String gid, String home) {
    }

    private record Group(String name, String gid, List<String> members) {
    }

    private final Map<String, User> users = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> services = new HashMap<>();

    private SshdAccounts() {
    }

    static SshdAccounts read(SystemRoot root) {
        SshdAccounts a = new SshdAccounts();
        for (String[] f : lines(root, "/etc/passwd")) {
            if (f.length >= 6 && !f[0].isEmpty()) {
                a.users.putIfAbsent(f[0], new User(f[0], f[2], f[3], f[5]));
            }
        }
        for (String[] f : lines(root, "/etc/group")) {
            if (f.length >= 3 && !f[0].isEmpty()) {
                a.groups.add(new Group(f[0], f[2], f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of()));
            }
        }
        for (String[] f : whiteSplit(root, "/etc/services")) {
            if (f.length >= 2 && f[1].endsWith("/tcp")) {
                try {
                    int port = Integer.parseInt(f[1].substring(0, f[1].length() - 4));
                    a.services.putIfAbsent(f[0], port);
                    for (int i = 2; i < f.length && !f[i].startsWith("#"); i++) {
                        a.services.putIfAbsent(f[i], port);
                    }
                } catch (NumberFormatException e) {
                    // not a service line
                }
            }
        }
        return a;
    }

    Map<String, Integer> services() {
        return services;
    }

    /** The home directory of a user ({@code ~user}); empty when the root does not know the user. */
    Optional<String> home(String user) {
        User u = users.get(user);
        return u == null ? Optional.empty() : Optional.of(u.home());
    }

    /** The home of uid 0 ({@code ~} alone: sshd runs as root). */
    Optional<String> rootHome() {
        return users.values().stream().filter(u -> "0".equals(u.uid())).map(User::home).findFirst();
    }

    /** getgrouplist: the names of the user's primary and supplementary groups; empty when no such user. */
    Optional<Set<String>> groupsOf(String user) {
        User u = users.get(user);
        if (u == null) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Group g : groups) {
            if (g.gid().equals(u.gid()) || g.members().contains(user)) {
                names.add(g.name());
            }
        }
        return Optional.of(names);
    }

    private static List<String[]> lines(SystemRoot root, String path) {
        List<String[]> out = new ArrayList<>();
        for (String line : text(root, path)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split(":", -1));
            }
        }
        return out;
    }

    private static List<String[]> whiteSplit(SystemRoot root, String path) {
        List<String[]> out = new ArrayList<>();
        for (String line : text(root, path)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t.split("\\s+"));
            }
        }
        return out;
    }

    private static List<String> text(SystemRoot root, String path) {
        Optional<Path> disk = root.resolve(path, "/");
        if (disk.isEmpty() || !SystemRoot.isFile(disk.get())) {
            return List.of();
        }
        try {
            return Files.readAllLines(disk.get(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }
}
