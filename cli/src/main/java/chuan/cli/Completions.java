package chuan.cli;

import chuan.api.Chuan;
import chuan.model.Rule;
import chuan.report.ReportFormat;
import java.util.Arrays;
import java.util.Iterator;

/** Values offered by Tab in {@code chuan shell} (and listed by picocli's completion support), from the facade's registries. */
final class Completions {

    private Completions() {
    }

    private static Chuan library() {
        return new Chuan(VersionProvider.version());
    }

    /** The built-in profile ids. */
    static final class ProfileIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return library().builtInProfileIds().iterator();
        }
    }

    /** Every rule id of the catalog. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return library().rules().stream().map(Rule::id).iterator();
        }
    }

    /** The report format names. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(ReportFormat::label).iterator();
        }
    }
}
