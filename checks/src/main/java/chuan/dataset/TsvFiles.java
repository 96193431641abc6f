package chuan.dataset;

import java.util.List;

/** Tab-separated files: CSV with a tab between fields unless the profile names another delimiter. */
public final class TsvFiles extends DelimitedFiles {

    @Override
    public String label() {
        return "tsv";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".tsv", ".tab");
    }

    @Override
    public char delimiter() {
        return '\t';
    }
}
