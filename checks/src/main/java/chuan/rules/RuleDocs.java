package chuan.rules;

import chuan.model.Reference;
import chuan.model.Rule;
import java.util.Comparator;
import java.util.List;

/** Renders the rule catalogue as Markdown: docs/rules.md is this output, checked by a test. */
public final class RuleDocs {

    private RuleDocs() {
    }

    public static String markdown(RuleCatalog catalog) {
        List<Rule> rules = catalog.all().stream().sorted(Comparator.comparing(Rule::id)).toList();
        StringBuilder sb = new StringBuilder();
        sb.append("# Rules\n\n");
        sb.append("Generated from the rule catalogue (`profiles/src/main/resources/chuan/rules/`) by\n");
        sb.append("`chuan explain --markdown`; a test keeps this file in step with it.\n\n");
        sb.append("| id | default severity | title |\n|---|---|---|\n");
        for (Rule r : rules) {
            sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase(java.util.Locale.ROOT)).append(") | ")
                    .append(r.severity().label()).append(" | ").append(r.title()).append(" |\n");
        }
        for (Rule r : rules) {
            sb.append("\n## ").append(r.id()).append("\n\n");
            sb.append("**").append(r.title()).append("** (default severity: ").append(r.severity().label());
            if (r.validFrom() != null || r.validUntil() != null) {
                sb.append("; in force").append(r.validFrom() == null ? "" : " from " + r.validFrom())
                        .append(r.validUntil() == null ? "" : " until " + r.validUntil());
            }
            sb.append("; tags: ").append(String.join(", ", r.tags())).append(")\n\n");
            sb.append("Why: ").append(r.rationale()).append("\n\n");
            sb.append("Fix: ").append(r.remediation()).append("\n\n");
            sb.append("References:\n");
            for (Reference ref : r.references()) {
                sb.append("- ").append(ref.display()).append(ref.url() == null ? "" : " <" + ref.url() + ">").append('\n');
            }
        }
        return sb.toString();
    }
}
