package chuan.gate;

import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.model.Waiver;
import chuan.profile.LocatedTree;
import chuan.profile.ProfileException;
import chuan.profile.ProfileProblem;
import chuan.profile.SourcePosition;
import chuan.rules.RuleCatalog;
import chuan.util.ClasspathIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Time-limited exceptions: a waiver names a rule, the targets (globs) and optionally the field it
 * covers, and why. A waived result keeps its evidence and no longer fails the gate; an expired
 * waiver stops waiving and is reported, and so is one that matches nothing or names an unknown rule.
 */
public final class Waivers {

    /** One entry of the file, with where it is written. */
    public record Entry(String rule, List<String> paths, List<chuan.util.Glob> globs, String field, String reason, String owner,
                        String ticket, LocalDate expires, String source) {

        boolean matches(Result r) {
            if (!r.rule().equals(rule) || (field != null && !field.equals(r.field()))) {
                return false;
            }
            String target = r.target().replace('\\', '/');
            for (chuan.util.Glob g : globs) {
                if (g.matches(target)) { // linear: a waiver's glob cannot hang the gate
                    return true;
                }
            }
            return false;
        }

        Waiver asWaiver() {
            return new Waiver(reason, owner, ticket, expires, source);
        }
    }

    private final String file;
    private final List<Entry> entries;
    private final boolean[] used;

    private Waivers(String file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
        this.used = new boolean[entries.size()];
    }

    public String file() {
        return file;
    }

    /** Reads and validates a waiver file; problems name file:line:column. */
    public static Waivers load(Path path) throws ProfileException {
        String name = path.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    chuan.util.SmallFiles.read(path, chuan.util.SmallFiles.PROFILE_LIMIT))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "a waiver file must be UTF-8 text"));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "cannot read the waiver file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())));
        }
        LocatedTree tree = LocatedTree.parse(name, text);
        List<ProfileProblem> problems = new ArrayList<>();
        try {
            schema().validate(new JSONObject(new ObjectMapper().writeValueAsString(tree.root())));
        } catch (ValidationException e) {
            for (ValidationException leaf : leaves(e)) {
                String pointer = leaf.getPointerToViolation() == null ? "" : leaf.getPointerToViolation().replaceFirst("^#", "");
                String msg = leaf.getErrorMessage();
                var m = java.util.regex.Pattern.compile("extraneous key \\[(.*)\\] is not permitted").matcher(msg);
                problems.add(m.matches() ? tree.problemAtKey(pointer + "/" + m.group(1), "unknown key '" + m.group(1) + "'")
                        : tree.problemAt(pointer, msg));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new ProfileProblem(name, 1, 1, "not a waiver file: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        List<Entry> entries = new ArrayList<>();
        JsonNode list = tree.root().get("waivers");
        for (int i = 0; i < list.size(); i++) {
            JsonNode w = list.get(i);
            List<String> paths = new ArrayList<>();
            List<chuan.util.Glob> globs = new ArrayList<>();
            for (int k = 0; k < w.get("paths").size(); k++) {
                String g = w.get("paths").get(k).asText();
                try {
                    globs.add(chuan.util.Glob.compile(g, chuan.util.Glob.Syntax.PATH));
                } catch (chuan.util.Glob.Invalid e) {
                    throw new ProfileException(tree.problemAt("/waivers/" + i + "/paths/" + k, e.getMessage()));
                }
                paths.add(g);
            }
            LocalDate expires = null;
            if (w.has("expires")) {
                try {
                    expires = LocalDate.parse(w.get("expires").asText());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ProfileException(tree.problemAt("/waivers/" + i + "/expires", "not a date: " + w.get("expires").asText()));
                }
            }
            SourcePosition pos = tree.valueAt("/waivers/" + i);
            entries.add(new Entry(w.get("rule").asText(), paths, globs, text(w, "field"), w.get("reason").asText(),
                    text(w, "owner"), text(w, "ticket"), expires, name + ":" + pos.line()));
        }
        return new Waivers(name, entries);
    }

    private static String text(JsonNode n, String key) {
        return n.has(key) ? n.get(key).asText() : null;
    }

    private static List<ValidationException> leaves(ValidationException e) {
        if (e.getCausingExceptions().isEmpty()) {
            return List.of(e);
        }
        List<ValidationException> out = new ArrayList<>();
        e.getCausingExceptions().forEach(c -> out.addAll(leaves(c)));
        return out;
    }

    private static Schema schema() throws IOException {
        try (InputStream in = ClasspathIndex.open("chuan/schema/waivers.schema.json")) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support().build().load().build();
        }
    }

    /** Applies the waivers in force on {@code asOf} to one target's results. */
    public List<Result> apply(List<Result> results, LocalDate asOf) {
        List<Result> out = new ArrayList<>(results.size());
        for (Result r : results) {
            Result kept = r;
            if (r.status() == Status.FAIL || r.status() == Status.WARN) {
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    if (e.matches(r)) {
                        used[i] = true;
                        if (e.expires() == null || !asOf.isAfter(e.expires())) {
                            kept = r.waived(e.asWaiver());
                            break;
                        }
                    }
                }
            }
            out.add(kept);
        }
        return out;
    }

    /** The waivers' own findings once every target is done: expired, unused, unknown rule. */
    public List<Result> findings(LocalDate asOf, RuleCatalog catalog) {
        return findings(asOf, catalog, java.util.Set.of());
    }

    /**
     * As {@link #findings(LocalDate, RuleCatalog)}, where {@code profileRules} are the rules the audited
     * profiles define themselves (a user's own config controls): known, though not in the catalogue.
     */
    public List<Result> findings(LocalDate asOf, RuleCatalog catalog, java.util.Set<String> profileRules) {
        List<Violation> expired = new ArrayList<>();
        List<Violation> unused = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long line = Long.parseLong(e.source().substring(e.source().lastIndexOf(':') + 1));
            if (catalog.find(e.rule()).isEmpty() && !profileRules.contains(e.rule())) {
                unknown.add(Violation.builder().line(line).field(e.rule()).expected("a rule id chuan knows").message("no rule " + e.rule())
                        .build());
            } else if (e.expires() != null && asOf.isAfter(e.expires())) {
                expired.add(Violation.builder().line(line).field(e.rule()).expected("an expiry date not before " + asOf)
                        .message("expired on " + e.expires() + (used[i] ? "; the findings it covered fail again" : "")).build());
            } else if (!used[i]) {
                unused.add(Violation.builder().line(line).field(e.rule()).expected("a finding to waive")
                        .message("matches no finding of " + e.rule() + " in " + String.join(", ", e.paths())).build());
            }
        }
        return List.of(finding(catalog.get("CHUAN-WAIVER-EXPIRED"), expired),
                finding(catalog.get("CHUAN-WAIVER-UNUSED"), unused),
                finding(catalog.get("CHUAN-WAIVER-UNKNOWN-RULE"), unknown));
    }

    private Result finding(Rule rule, List<Violation> v) {
        return Result.of(rule.id(), rule.title(), rule.severity()).on(file, null).status(v.isEmpty() ? Status.PASS : Status.WARN)
                .counted(v.size(), entries.size()).examples(v).build();
    }
}
