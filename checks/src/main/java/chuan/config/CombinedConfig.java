package chuan.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Many files asked as one (the secret scan of a whole tree): a lookup gives the findings of every
 * file, each with its own file and line. Its main file is the root.
 */
public final class CombinedConfig implements EffectiveConfig {

    private final List<EffectiveConfig> parts;

    public CombinedConfig(List<EffectiveConfig> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public List<Scoped> lookup(String key) {
        List<Scoped> out = new ArrayList<>();
        for (EffectiveConfig c : parts) {
            out.addAll(c.lookup(key));
        }
        return out;
    }

    @Override
    public String mainFile() {
        return "/";
    }

    @Override
    public List<String> filesRead() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.filesRead()));
        return out;
    }

    @Override
    public List<ConfigProblem> problems() {
        List<ConfigProblem> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.problems()));
        return out;
    }
}
