package chuan.audit;

import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.check.ConfigControl;
import chuan.config.check.Expectation;
import chuan.model.Masking;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One control checked on one configuration: the key in every scope where it is in force, each
 * failing scope a violation at the file and line that set the value (or at the main file when a
 * default applies), with a sentence that says the value, why it fails, and what was not in force.
 * Paths are shown as the user named the root ({@code samples/system/etc/ssh/sshd_config}).
 */
final class ControlCheck {

    private final String display;
    private final int level;
    private final boolean reveal;
    private final int maxExamples;
    private final chuan.model.Fingerprints fingerprints;

    ControlCheck(String display, int level, boolean reveal, int maxExamples, chuan.model.Fingerprints fingerprints) {
        this.display = display;
        this.level = level;
        this.reveal = reveal;
        this.maxExamples = maxExamples;
        this.fingerprints = fingerprints;
    }

    Result evaluate(ConfigControl c, Expectation expect, EffectiveConfig config) {
        List<EffectiveConfig.Scoped> scopes = config.lookup(c.key());
        List<Violation> failing = new ArrayList<>();
        String evidence = null;
        for (EffectiveConfig.Scoped s : scopes) {
            EffectiveSetting set = s.setting();
            String value = set.value();
            // unset: the default the control states is the one that applies (it says which version it assumes),
            // else the reader's knowledge of the program's default
            // (said as the program's default when the reader knows the same one)
            boolean stated = set.from() == null && c.statedDefault() != null
                    && !c.statedDefault().equalsIgnoreCase(String.valueOf(set.value()));
            if (stated) {
                value = c.statedDefault();
            }
            String why = expect.failure(value);
            String where = set.from() != null ? at(set.from()) : show(config.mainFile());
            if (why == null) {
                evidence = evidence == null ? describe(c.key(), value, s, c) + origin(c, s, set, stated, config) + " (" + where + ")" : evidence;
                continue;
            }
            failing.add(Violation.builder().line(set.from() == null ? null : (long) set.from().line()).field(c.key())
                    .value(value == null ? null : mask(c, value)).expected(expect.describe())
                    .message(describe(c.key(), value, s, c) + " " + why + origin(c, s, set, stated, config))
                    .key(fingerprints.key(c.key() + "|" + (s.scope() == null ? "" : s.scope()), value == null ? "" : value))
                    .file(set.from() != null ? show(set.from().file()) : show(config.mainFile())).build());
        }
        if (scopes.isEmpty() && expect instanceof Expectation.Present) {
            failing.add(Violation.builder().field(c.key()).expected(expect.describe()).message(c.key() + " is not set anywhere read")
                    .key(fingerprints.key(c.key(), "")).file(show(config.mainFile())).build());
        }
        Status status = failing.isEmpty() ? Status.PASS : Status.FAIL;
        String message;
        if (failing.isEmpty()) {
            message = evidence != null ? evidence : scopes.isEmpty() ? "none found" : "as expected";
        } else {
            Violation first = failing.get(0);
            // a default names its file already ("set it in ..."); a set value gets the line that set it
            String place = first.line() != null ? " (" + first.fileOr("") + ":" + first.line() + ")" : "";
            message = (failing.size() > 1 ? failing.size() + " places, the first: " : "") + first.message() + place;
        }
        List<Violation> examples = maxExamples > 0 && failing.size() > maxExamples ? failing.subList(0, maxExamples) : failing;
        return Result.of(c.id(), c.title(), c.severity()).on(show(config.mainFile()), c.key()).status(status)
                .counted(failing.size(), Math.max(1, scopes.size())).message(message).examples(examples).build();
    }

    /**
     * How the value came to be, after the value itself: the values that lost to it, or that a default
     * applies and where to set the key instead. The file and line that set it are the violation's own.
     */
    private String origin(ConfigControl c, EffectiveConfig.Scoped s, EffectiveSetting set, boolean stated, EffectiveConfig config) {
        StringBuilder b = new StringBuilder();
        if (s.note() != null) {
            b.append("; ").append(s.note());
        }
        if (set.from() == null) {
            // an unset key without a default already reads "not set"; the note, if any, says why
            b.append(stated ? "; not set, so the default the control states applies"
                    : set.value() == null ? "" : "; not set, so the program's default applies")
                    .append(" (set it in ").append(show(config.mainFile())).append(')');
        }
        for (Directive d : set.ignored()) {
            // a value not in force is still the file's: a password overridden by another is masked like the one in force
            b.append("; not in force: ").append(d.value().isEmpty() ? d.keyword() : mask(c, d.value())).append(" at ").append(at(d));
        }
        return b.toString();
    }

    private String describe(String key, String value, EffectiveConfig.Scoped s, ConfigControl c) {
        String shown = value == null ? key : c.format().secrets().saysKey() ? key + " " + mask(c, value) : mask(c, value);
        return s.scope() == null ? shown : shown + " in " + s.scope();
    }

    private String mask(ConfigControl c, String value) {
        // a daemon's keys are settings (PasswordAuthentication), a file format's may hold the password itself
        boolean secret = c.format().secrets().masks(c.key());
        if (reveal) {
            return value;
        }
        return secret ? Masking.secret(value) : Masking.urlPasswords(value);
    }

    Result notAtThisLevel(ConfigControl c, EffectiveConfig config) {
        int from = c.byLevel().keySet().stream().mapToInt(Integer::intValue).min().orElse(1);
        return Result.of(c.id(), c.title(), c.severity()).on(show(config.mainFile()), c.key()).status(Status.NOT_APPLICABLE)
                .message("applies from security level " + from + "; audited at level " + level).build();
    }

    /** {@code /etc/ssh/sshd_config} under a root shown as {@code samples/system} is {@code samples/system/etc/ssh/sshd_config}. */
    String show(String systemPath) {
        if (systemPath.equals("/")) {
            return display;
        }
        if (display.equals("/")) {
            return systemPath;
        }
        return display + systemPath;
    }

    private String at(Directive d) {
        return show(d.file()) + ":" + d.line();
    }
}
