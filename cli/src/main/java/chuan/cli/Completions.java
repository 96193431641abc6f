package chuan.cli;

import chuan.model.Rule;
import chuan.report.ReportFormat;
import chuan.rules.RuleCatalog;
import java.util.Arrays;
import java.util.Iterator;

/** Values offered by Tab in {@code chuan shell} (and listed by picocli's completion support). */
final class Completions {

    private Completions() {
    }

    /** The built-in profile ids. */
    static final class ProfileIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProfilesCommand.registry().builtIns().keySet().stream().sorted().iterator();
        }
    }

    /** Every rule id of the catalog. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RuleCatalog.builtIn().all().stream().map(Rule::id).sorted().iterator();
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
