package chuan.config.linux;

import chuan.config.SystemRoot;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The files a reader is inside of, include by include. A file that includes one of them is a loop,
 * which logrotate, libpam and chrony follow until their include depth limit and then refuse: an
 * error, not a file quietly read once.
 */
final class IncludeChain {

    private final SystemRoot root;
    private final Set<Path> inside = new HashSet<>();

    IncludeChain(SystemRoot root) {
        this.root = root;
    }

    /** Whether reading this file now would loop (it is being read already). */
    boolean loops(String systemPath) {
        return root.resolve(systemPath, "/").map(inside::contains).orElse(false);
    }

    /** Marks the file as being read; returns what {@link #leave} needs. */
    Optional<Path> enter(String systemPath) {
        Optional<Path> disk = root.resolve(systemPath, "/");
        disk.ifPresent(inside::add);
        return disk;
    }

    void leave(Optional<Path> entered) {
        entered.ifPresent(inside::remove);
    }
}
