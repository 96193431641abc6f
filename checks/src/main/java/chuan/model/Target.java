package chuan.model;

import java.util.List;

/** One input that was audited: its path relative to the scanned root, and what was learnt about it. */
public record Target(
        String path,
        String kind,
        String format,
        List<String> profiles,
        String sha256,
        long bytes,
        long records,
        Status status) {

    public Target {
        profiles = List.copyOf(profiles);
    }
}
