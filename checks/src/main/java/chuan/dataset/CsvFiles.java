package chuan.dataset;

import java.util.List;

/** Comma-separated files (RFC 4180), and any file no other source recognises. */
public final class CsvFiles extends DelimitedFiles {

    @Override
    public String label() {
        return "csv";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".csv");
    }

    @Override
    public boolean readsUnrecognisedFiles() {
        return true;
    }
}
