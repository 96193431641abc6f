package chuan.standard;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.profile.ColumnType;
import chuan.util.ClasspathIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in lists cannot drift from the files and the registry: every profile and rule file
 * shipped is listed exactly once, by the engine's index or by one standards pack, and every listed
 * file exists; the profile schema file's type list is the generic types plus the built-in packs'.
 * (A jar cannot list its own folders, so an unlisted file would otherwise be skipped in silence.)
 */
class BuiltInListsTest {

    private static final Path RESOURCES = Path.of("../profiles/src/main/resources");

    private static List<String> shipped(String folder) throws IOException {
        Path root = RESOURCES.resolve(folder);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".yaml")).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static List<String> listed(String folder, Function<StandardsPack, List<String>> ofPack) throws IOException {
        List<String> out = new ArrayList<>(ClasspathIndex.list(folder).stream().map(r -> r.substring(folder.length() + 1)).toList());
        for (StandardsPack p : Shipped.packs()) {
            out.addAll(ofPack.apply(p));
        }
        return out;
    }

    @Test
    void everyProfileFileIsListedOnce() throws IOException {
        List<String> listed = listed("chuan/profiles", StandardsPack::profiles);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(shipped("chuan/profiles"));
    }

    @Test
    void everyRuleFileIsListedOnce() throws IOException {
        List<String> listed = listed("chuan/rules", StandardsPack::ruleFiles);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(shipped("chuan/rules"));
    }

    @Test
    void theSchemaFileListsTheGenericAndBuiltInPackTypes() throws IOException {
        List<String> inFile = chuan.util.SchemaEnums.of("profile", "/definitions/column/properties/type/enum");
        List<String> expected = new ArrayList<>();
        for (ColumnType t : ColumnType.values()) {
            expected.add(t.label());
        }
        for (StandardsPack p : Shipped.packs()) {
            p.types().forEach(t -> expected.add(t.name()));
        }
        assertThat(inFile).containsExactlyElementsOf(expected);
    }

    @Test
    void everyPackTypeReportsOnlyCatalogedRules() {
        for (TypeDescriptor t : Packs.types().values()) {
            assertThat(Shipped.ruleIds(t)).as(t.name()).allSatisfy(id ->
                    assertThat(chuan.rules.RuleCatalog.builtIn().find(id)).as(id).isPresent());
        }
    }
}
