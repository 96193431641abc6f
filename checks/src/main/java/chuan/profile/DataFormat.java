package chuan.profile;

import java.util.Locale;
import java.util.Optional;

/** The dataset file formats the engine reads. */
public enum DataFormat {
    CSV, TSV, JSON, NDJSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return this == JSON || this == NDJSON;
    }

    public static Optional<DataFormat> fromLabel(String label) {
        for (DataFormat f : values()) {
            if (f.label().equals(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name implies: .csv, .tsv/.tab, .json, .ndjson/.jsonl. */
    public static Optional<DataFormat> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".tsv") || n.endsWith(".tab")) {
            return Optional.of(TSV);
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        if (n.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
