package chuan.cli;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveView;
import chuan.config.check.ConfigFormats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The formats {@code chuan effective} shows, from the registry: those shown whole first, then those
 * asked by key, then the file formats (the order of its help), each group in registration order.
 * Its names, help and completion come from here, so a format registered is a format offered.
 */
final class EffectiveFormats implements Iterable<String> {

    /** Every format {@code chuan effective} shows, grouped by what it needs. */
    static List<ConfigFormat> all() {
        List<ConfigFormat> out = new ArrayList<>();
        for (EffectiveView.Needs needs : EffectiveView.Needs.values()) {
            out.addAll(needing(needs));
        }
        return out;
    }

    /** The formats that need this much on the command line, in registration order. */
    static List<ConfigFormat> needing(EffectiveView.Needs needs) {
        return ConfigFormats.builtIn().all().stream().filter(f -> f.effective().map(v -> v.needs() == needs).orElse(false)).toList();
    }

    /** The format named on the command line: its label, or with {@code _} or {@code -} for a dot ({@code login_defs}). */
    static Optional<ConfigFormat> named(String name) {
        return all().stream().filter(f -> comparable(f.label()).equals(comparable(name))).findFirst();
    }

    private static String comparable(String name) {
        return name.replace('.', '_').replace('-', '_');
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
