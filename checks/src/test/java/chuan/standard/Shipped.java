package chuan.standard;

import chuan.model.Rule;
import chuan.rules.RuleCatalog;
import chuan.util.ClasspathIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What chuan ships, as opposed to what the test class path adds (the fixture pack
 * {@code chuan.standard.xx}): the packs this module registers in its main resources, and the
 * profiles and rules of the engine's indexes and those packs. Tests of shipped documents use it.
 */
public final class Shipped {

    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services/" + StandardsPack.class.getName());

    private Shipped() {
    }

    /** The packs registered in this module's main resources, in registry order. */
    public static List<StandardsPack> packs() {
        try {
            Set<String> names = new HashSet<>();
            for (String line : Files.readAllLines(SERVICES)) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            List<StandardsPack> packs = Packs.all().stream().filter(p -> names.contains(p.getClass().getName())).toList();
            if (packs.size() != names.size()) {
                throw new IllegalStateException("a pack of " + SERVICES + " is not loaded: " + names);
            }
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped profiles' resources ({@code chuan/profiles/...}). */
    public static List<String> profileResources() {
        List<String> out = new ArrayList<>(ClasspathIndex.list("chuan/profiles"));
        packs().forEach(p -> p.profiles().forEach(f -> out.add("chuan/profiles/" + f)));
        return out;
    }

    /** The shipped rules: those of the engine's rule files and of the shipped packs' files, not a fixture pack's. */
    public static RuleCatalog rules() {
        Set<String> fixture = new HashSet<>();
        Packs.all().stream().filter(p -> !packs().contains(p)).forEach(p -> p.types().forEach(t -> fixture.addAll(ruleIds(t))));
        return RuleCatalog.builtIn().restrictedTo((Rule r) -> !fixture.contains(r.id()));
    }

    /** The rules a pack's value type reports (its type built for a plain column on a fixed date). */
    public static List<String> ruleIds(TypeDescriptor type) {
        return type.create(new ValueTypes.Options(null), java.time.LocalDate.of(2026, 1, 1), ReferenceData.builtIn()).ruleIds();
    }
}
