package chuan.profile;

import chuan.util.ClasspathIndex;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where profiles come from: the built-in ones shipped in the profiles module, and project
 * profiles kept beside the data in a {@code .chuan/profiles/} folder of a scanned directory.
 */
public final class ProfileRegistry {

    /** The folder, inside a scanned directory, that holds the project's own profiles. */
    public static final String LOCAL_FOLDER = ".chuan/profiles";

    private final ProfileLoader loader;
    private Map<String, Profile> builtIns;

    public ProfileRegistry(ProfileLoader loader) {
        this.loader = loader;
    }

    /**
     * The built-in profiles by id, listed dataset profiles first, then config profiles (each kind in
     * the order of {@link #resources()}); a broken built-in is a bug, reported as such.
     */
    public synchronized Map<String, Profile> builtIns() {
        if (builtIns == null) {
            java.util.List<Profile> loaded = new java.util.ArrayList<>();
            for (String resource : resources()) {
                try {
                    loaded.add(loader.loadResource(resource));
                } catch (ProfileException e) {
                    throw new IllegalStateException("built-in profile is invalid: " + e.getMessage(), e);
                }
            }
            loaded.sort(java.util.Comparator.comparing(p -> p.kind() != Profile.Kind.DATASET)); // stable
            Map<String, Profile> m = new LinkedHashMap<>();
            for (Profile p : loaded) {
                if (m.put(p.id(), p) != null) {
                    throw new IllegalStateException("two built-in profiles have the id " + p.id());
                }
            }
            builtIns = m;
        }
        return builtIns;
    }

    /** The built-in profiles' resources: the engine's index, then each standards pack's. */
    public static java.util.List<String> resources() {
        java.util.List<String> out = new java.util.ArrayList<>(ClasspathIndex.list("chuan/profiles"));
        chuan.standard.Packs.profiles().forEach(p -> out.add("chuan/profiles/" + p));
        return out;
    }

    /** A profile named on the command line: a file path, or the id of a built-in or project profile. */
    public Profile resolve(String selector, List<Profile> projectProfiles) throws ProfileException {
        Path path = Path.of(selector);
        if (Files.isRegularFile(path)) {
            return loader.load(path);
        }
        int hash = selector.lastIndexOf('#');
        if (hash > 0 && Files.isRegularFile(Path.of(selector.substring(0, hash)))) {
            return loader.load(Path.of(selector.substring(0, hash)), selector.substring(hash + 1)); // a Data Package's resource
        }
        Profile p = builtIns().get(selector);
        if (p != null) {
            return p;
        }
        Optional<Profile> local = projectProfiles.stream().filter(x -> x.id().equals(selector)).findFirst();
        if (local.isPresent()) {
            return local.get();
        }
        throw new ProfileException(new ProfileProblem(selector, 0, 0,
                "no such profile: not a file, a built-in profile id or a profile in " + LOCAL_FOLDER
                        + " (list them with 'chuan profiles')"));
    }

    /** The loader profiles are read with (a Data Package's resources are read through it too). */
    public ProfileLoader loader() {
        return loader;
    }

    /** The project profiles in {@code dir/.chuan/profiles}, sorted by file name. */
    public List<Profile> projectProfiles(Path dir) throws ProfileException {
        Path folder = dir.resolve(LOCAL_FOLDER);
        List<Profile> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(folder.toString(), 0, 0, "cannot list: " + e.getMessage()));
        }
        files.sort(null);
        List<ProfileProblem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(loader.load(f));
            } catch (ProfileException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return out;
    }
}
