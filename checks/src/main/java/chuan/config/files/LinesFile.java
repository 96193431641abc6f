package chuan.config.files;

import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any text file asked by a regular expression (RE2 syntax, so no pattern can hang): every line that
 * is not a comment ({@code #} or {@code ;} first) and contains a match is one scope, its value the
 * line. For formats chuan does not model, such as {@code inetd.conf} or a cron table.
 */
public final class LinesFile extends ReadConfig {

    private final String file;
    private final List<String> lines;

    LinesFile(String file, String text) {
        super(file);
        filesRead.add(file);
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** What is wrong with a lines key: it must be a regular expression in RE2's syntax. */
    static Optional<String> keyProblem(String regex) {
        try {
            chuan.util.SafeRegex.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("a lines key is a regular expression (RE2 syntax): " + e.getDescription());
        }
    }

    @Override
    public List<Scoped> lookup(String regex) {
        Pattern p = chuan.util.SafeRegex.compile(regex); // checked when the profile loaded
        List<Scoped> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (p.matcher(line).find()) {
                out.add(new Scoped(null, new EffectiveSetting(regex, line, new Directive(regex, line, file, i + 1), List.of())));
            }
        }
        return out;
    }



}
