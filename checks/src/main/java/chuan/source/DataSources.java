package chuan.source;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The kinds of dataset chuan reads, each registered once, on one line of
 * {@code META-INF/services/chuan.source.DataSource}, in that file's order. Everything that names
 * dataset formats (the profile schema's {@code format} enum, the docs, {@code chuan infer}'s help) is
 * checked against this list by a test; everything that chooses by format asks it.
 */
public final class DataSources {

    private static final DataSources BUILT_IN = new DataSources(load());

    private final List<DataSource> all;
    private final DataSource fallback;

    /**
     * A registry of these sources, in this order. Two with one label, two claiming one file-name
     * ending, or not exactly one that reads unrecognised files are refused.
     */
    public DataSources(List<DataSource> sources) {
        Set<String> labels = new HashSet<>();
        Map<String, String> suffixes = new HashMap<>();
        DataSource unrecognised = null;
        for (DataSource s : sources) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("data source " + s.label() + " is registered twice");
            }
            for (String suffix : s.suffixes()) {
                String other = suffixes.put(suffix, s.label());
                if (other != null) {
                    throw new IllegalArgumentException("data sources " + other + " and " + s.label() + " both claim " + suffix);
                }
            }
            if (s.readsUnrecognisedFiles()) {
                if (unrecognised != null) {
                    throw new IllegalArgumentException("data sources " + unrecognised.label() + " and " + s.label()
                            + " both read unrecognised files");
                }
                unrecognised = s;
            }
        }
        if (unrecognised == null) {
            throw new IllegalArgumentException("no data source reads unrecognised files");
        }
        this.all = List.copyOf(sources);
        this.fallback = unrecognised;
    }

    private static List<DataSource> load() {
        return ServiceLoader.load(DataSource.class, DataSources.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /** The sources on the class path. */
    public static DataSources builtIn() {
        return BUILT_IN;
    }

    /** Every source, in registration order. */
    public List<DataSource> all() {
        return all;
    }

    /** The labels, in registration order. */
    public List<String> labels() {
        return all.stream().map(DataSource::label).toList();
    }

    /** The source profiles call {@code label}. */
    public Optional<DataSource> byLabel(String label) {
        return all.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    /** The source that recognises {@code name}, the first registered when several would. */
    public Optional<DataSource> recognise(String name) {
        return all.stream().filter(s -> s.recognises(name)).findFirst();
    }

    /** The source a file is read as when its profile names none: the one its name says, else the fallback. */
    public DataSource forName(String name) {
        return recognise(name).orElse(fallback);
    }

    /** The source a file no source recognises is read as. */
    public DataSource fallback() {
        return fallback;
    }
}
