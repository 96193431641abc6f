package chuan.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What every configuration reader keeps besides its values: the main file (where a key left at its
 * default belongs), the files read in reading order, and the problems met while reading.
 */
public abstract class ReadConfig implements EffectiveConfig {

    protected final List<ConfigProblem> problems = new ArrayList<>();
    protected final List<String> filesRead = new ArrayList<>();
    private final String mainFile;

    protected ReadConfig(String mainFile) {
        this.mainFile = mainFile;
    }

    @Override
    public String mainFile() {
        return mainFile;
    }

    @Override
    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }

    @Override
    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }
}
