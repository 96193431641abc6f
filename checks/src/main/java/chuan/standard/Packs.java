package chuan.standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The standards packs on the class path (registered in {@code META-INF/services/chuan.standard.StandardsPack}),
 * in a stable order (by id), and their types by name. The one place the engine finds national
 * knowledge: nothing else names a pack.
 */
public final class Packs {

    private static final List<StandardsPack> ALL = load();
    private static final Map<String, TypeDescriptor> TYPES = types(ALL);

    private Packs() {
    }

    private static List<StandardsPack> load() {
        List<StandardsPack> packs = new ArrayList<>();
        ServiceLoader.load(StandardsPack.class, Packs.class.getClassLoader()).forEach(packs::add);
        packs.sort(java.util.Comparator.comparing(StandardsPack::id));
        for (int i = 1; i < packs.size(); i++) {
            if (packs.get(i).id().equals(packs.get(i - 1).id())) {
                throw new IllegalStateException("two standards packs with the id " + packs.get(i).id());
            }
        }
        return List.copyOf(packs);
    }

    private static Map<String, TypeDescriptor> types(List<StandardsPack> packs) {
        Map<String, TypeDescriptor> m = new LinkedHashMap<>();
        for (StandardsPack p : packs) {
            for (TypeDescriptor t : p.types()) {
                if (!t.name().startsWith(p.id() + ".")) {
                    throw new IllegalStateException("pack " + p.id() + ": type " + t.name() + " must be named " + p.id() + ".NAME");
                }
                if (m.put(t.name(), t) != null) {
                    throw new IllegalStateException("value type " + t.name() + " is defined twice");
                }
            }
        }
        return m;
    }

    public static List<StandardsPack> all() {
        return ALL;
    }

    /** Every pack type by name, packs in id order and each pack's types in its own order. */
    public static Map<String, TypeDescriptor> types() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    public static Optional<TypeDescriptor> type(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The legacy encodings of every pack. */
    public static List<LegacyEncoding> encodings(ReferenceData data) {
        List<LegacyEncoding> out = new ArrayList<>();
        ALL.forEach(p -> out.addAll(p.encodings(data)));
        return out;
    }

    /** The first pack's guess at the encoding of these bytes. */
    public static Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        for (StandardsPack p : ALL) {
            Optional<LegacyEncoding> e = p.detect(sample, length, data);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** What counts as personal data on the audit date: every pack's categories, hints and detectors together. */
    public static PersonalData personalData(ReferenceData data, LocalDate asOf) {
        List<PersonalData> parts = new ArrayList<>();
        ALL.forEach(p -> p.personalData(data, asOf).ifPresent(parts::add));
        return PersonalData.merge(parts);
    }

    /** Sample text for generated data: the first pack's that has some. */
    public static Optional<StandardsPack.SampleText> sampleText(ReferenceData data) {
        for (StandardsPack p : ALL) {
            Optional<StandardsPack.SampleText> t = p.sampleText(data);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The rule catalogue files of every pack. */
    public static List<String> ruleFiles() {
        List<String> out = new ArrayList<>();
        ALL.forEach(p -> out.addAll(p.ruleFiles()));
        return out;
    }

    /** The built-in profiles of every pack. */
    public static List<String> profiles() {
        List<String> out = new ArrayList<>();
        ALL.forEach(p -> out.addAll(p.profiles()));
        return out;
    }

    /** Every pack's reference lists (foreign keys name them), packs in id order: name and what it holds. */
    public static Map<String, String> referenceLists() {
        Map<String, String> out = new LinkedHashMap<>();
        ALL.forEach(p -> out.putAll(p.referenceLists()));
        return out;
    }

    /** The values of a pack's reference list on {@code asOf}; empty when no pack has a list of that name. */
    public static Optional<java.util.Set<String>> referenceList(String name, ReferenceData data, LocalDate asOf) {
        for (StandardsPack p : ALL) {
            if (p.referenceLists().containsKey(name)) {
                return p.referenceList(name, data, asOf);
            }
        }
        return Optional.empty();
    }
}
