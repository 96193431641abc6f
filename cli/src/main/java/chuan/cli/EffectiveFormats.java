package chuan.cli;

import chuan.api.Chuan;
import chuan.config.ConfigFormat;
import chuan.config.EffectiveView;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The formats {@code chuan effective} shows, as the facade lists them from the registry: those shown
 * whole first, then those asked by key, then the file formats (the order of its help). Its names,
 * help and completion come from here, so a format registered is a format offered.
 */
final class EffectiveFormats implements Iterable<String> {

    private static Chuan library() {
        return new Chuan(VersionProvider.version());
    }

    /** Every format {@code chuan effective} shows, grouped by what it needs. */
    static List<ConfigFormat> all() {
        return library().effectiveFormats();
    }

    /** The formats that need this much on the command line, in registration order. */
    static List<ConfigFormat> needing(EffectiveView.Needs needs) {
        return library().effectiveFormats(needs);
    }

    /** The format named on the command line: its label, or with {@code _} or {@code -} for a dot ({@code login_defs}). */
    static Optional<ConfigFormat> named(String name) {
        return library().effectiveFormat(name);
    }

    static List<String> labels(List<ConfigFormat> formats) {
        return formats.stream().map(ConfigFormat::label).toList();
    }

    /** Completion candidates: every format's label. */
    @Override
    public Iterator<String> iterator() {
        return labels(all()).iterator();
    }
}
