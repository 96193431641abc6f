package chuan.profile;

import chuan.model.Rule;
import chuan.rules.RuleCatalog;
import chuan.standard.ValueTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders a profile as Markdown: docs/profiles/ID.md is this output, checked by a test. */
public final class ProfileDocs {

    private ProfileDocs() {
    }

    public static String markdown(Profile p, RuleCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(p.id()).append(" ").append(p.version()).append("\n\n");
        sb.append("**").append(p.title()).append("**\n\n");
        if (p.description() != null) {
            sb.append(p.description()).append("\n\n");
        }
        sb.append("Generated from the built-in profile by `chuan profiles show ").append(p.id())
                .append(" --markdown`.\n\n");
        if (p.config() != null) {
            return config(sb, p);
        }
        sb.append("Applies to: ").append(p.appliesTo().isEmpty() ? "files named with `-p`"
                : String.join(", ", p.appliesTo().stream().map(g -> "`" + g + "`").toList())).append("\n\n");
        Set<String> rules = new LinkedHashSet<>();
        DatasetSpec d = p.dataset();
        if (d != null && !d.columns().isEmpty()) {
            sb.append("## Columns\n\n| column | also called | type | checks |\n|---|---|---|---|\n");
            for (ColumnSpec c : d.columns()) {
                sb.append("| `").append(c.name()).append("` | ").append(String.join(", ", c.aliases())).append(" | ")
                        .append(c.valueType() != null ? c.valueType() : c.type().label()).append(" | ")
                        .append(String.join("; ", checks(c))).append(" |\n");
                if (c.required()) {
                    rules.add("DATA-REQUIRED");
                }
                if (c.unique()) {
                    rules.add("DATA-UNIQUE");
                }
                if (c.valueType() != null) {
                    var t = ValueTypes.create(c.valueType(), new ValueTypes.Options(c.scheme()), LocalDate.now(),
                            chuan.standard.ReferenceData.builtIn());
                    rules.addAll(t.ruleIds());
                    t.siblingRules().stream().filter(r -> c.links().containsKey(r.option())).forEach(r -> rules.add(r.ruleId()));
                }
            }
            sb.append('\n');
        }
        if (d != null && d.forbidPersonalData()) {
            sb.append("Every column, described or not, is searched for personal data.\n\n");
            chuan.standard.PersonalData pd = chuan.standard.PersonalData.of(chuan.standard.ReferenceData.builtIn(),
                    java.time.LocalDate.now());
            if (pd.rule() != null) {
                rules.add(pd.rule());
                rules.add(pd.nameBirthDateRule());
            }
        }
        if (d != null && !d.checks().isEmpty()) {
            sb.append("## Dataset checks\n\n");
            for (MetricSpec m : d.checks()) {
                sb.append("- ").append(m.metric().label()).append(m.column() != null ? " of `" + m.column() + "`" : "")
                        .append(m.warn() != null ? ", warn " + m.warn().display() : "")
                        .append(m.fail() != null ? ", fail " + m.fail().display() : "").append('\n');
                rules.add(m.metric().ruleId());
            }
            sb.append('\n');
        }
        sb.append("## Rules and their legal basis\n\n| rule | title | basis |\n|---|---|---|\n");
        for (String id : rules) {
            Rule r = catalog.get(id);
            sb.append("| ").append(r.id()).append(" | ").append(r.title()).append(" | ")
                    .append(String.join("; ", r.references().stream().map(x -> x.display()).toList())).append(" |\n");
        }
        sb.append("\nStructural rules (encoding, quoting, header, blank and ragged records) apply to every dataset; "
                + "see [../rules.md](../rules.md).\n");
        return sb.toString();
    }

    /** A config profile's page: each control with what it reads, what it expects (by level) and its basis. */
    private static String config(StringBuilder sb, Profile p) {
        sb.append("Audits system roots (a directory holding `etc/`: an image, a mounted disk, a repository of server ")
                .append("configuration, or `/`). See [../config-audits.md](../config-audits.md) for how each format is read.\n\n");
        sb.append("## Controls\n\n| rule | severity | title | reads | key | expected | default if unset | basis |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (chuan.config.check.ConfigControl c : p.config().controls()) {
            String reads = c.format().label() + (c.paths().isEmpty() ? "" : ": " + String.join(", ",
                    c.paths().stream().limit(3).map(x -> "`" + x + "`").toList()) + (c.paths().size() > 3 ? ", ..." : ""));
            String expected = c.describeExpectation();
            sb.append("| ").append(c.id()).append(" | ").append(c.severity().label()).append(" | ").append(c.title())
                    .append(" | ").append(reads.replace("|", "\\|")).append(" | `").append(c.key().replace("|", "\\|"))
                    .append("` | ").append(expected.replace("|", "\\|")).append(" | ")
                    .append(c.statedDefault() == null ? "" : "`" + c.statedDefault() + "`").append(" | ")
                    .append(String.join("; ", c.references().stream().map(x -> x.display()).toList())).append(" |\n");
        }
        sb.append("\nRationale and remediation of each rule: `chuan explain RULE`, or [../rules.md](../rules.md).\n");
        return sb.toString();
    }

    private static List<String> checks(ColumnSpec c) {
        List<String> out = new ArrayList<>();
        if (c.required()) {
            out.add("required");
        }
        if (c.unique()) {
            out.add("unique");
        }
        if (c.format() != null) {
            out.add("format " + c.format());
        }
        if (c.pattern() != null) {
            out.add("pattern `" + c.pattern() + "`");
        }
        if (c.enumValues() != null) {
            out.add("one of " + String.join(", ", c.enumValues()));
        }
        if (c.min() != null || c.max() != null) {
            out.add("range " + (c.min() == null ? "" : c.min()) + " to " + (c.max() == null ? "" : c.max()));
        }
        if (c.exclusiveMin() != null) {
            out.add("above " + c.exclusiveMin());
        }
        if (c.exclusiveMax() != null) {
            out.add("below " + c.exclusiveMax());
        }
        if (c.precision() != null || c.scale() != null) {
            out.add("digits " + (c.precision() == null ? "any" : c.precision()) + ", after the separator "
                    + (c.scale() == null ? "any" : c.scale()));
        }
        ValueSyntax v = c.syntax();
        if (c.type().numeric() && (v.decimalChar() != '.' || v.groupChar() != '\0')) {
            out.add("written `" + (v.groupChar() == '\0' ? "1234" : "1" + v.groupChar() + "234") + v.decimalChar() + "5`");
        }
        if (c.type().numeric() && !v.bareNumber()) {
            out.add("text around the number allowed");
        }
        if (c.type() == ColumnType.BOOLEAN && !(v.trueValues().equals(ValueSyntax.TRUE) && v.falseValues().equals(ValueSyntax.FALSE))) {
            out.add("true: " + String.join(", ", v.trueValues()) + "; false: " + String.join(", ", v.falseValues()));
        }
        if (v.missingBeyondEmpty()) {
            out.add("missing: " + String.join(", ", v.missingValues().stream().map(m -> m.isEmpty() ? "(empty)" : m).toList()));
        }
        if (v.separator() != null) {
            out.add("a list separated by `" + v.separator() + "`, each item checked");
        }
        if (c.minLength() != null || c.maxLength() != null) {
            out.add("length " + (c.minLength() == null ? 0 : c.minLength()) + " to " + (c.maxLength() == null ? "any" : c.maxLength()));
        }
        if (c.scheme() != null) {
            out.add("code list of " + c.scheme());
        }
        c.links().forEach((role, col) -> out.add(role + ": `" + col + "`"));
        if (c.personal()) {
            out.add("personal data (masked)");
        }
        return out;
    }
}
