package chuan.config.sshd;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveSetting;
import chuan.config.EffectiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * sshd in {@code chuan effective}: every key as {@code sshd -T} prints it (in its order, one line per
 * value), or for one connection as {@code sshd -T -C} does; with {@code --key} only those keys (an
 * alias names its keyword). Without a connection the Match blocks follow, as written.
 */
final class SshdView implements EffectiveView {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public boolean answersForConnection() {
        return true;
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) throws EffectiveRequest.Invalid {
        SshdConnection connection = null;
        if (request.connection() != null) {
            try {
                connection = SshdConnection.parse(request.connection());
            } catch (IllegalArgumentException e) {
                throw new EffectiveRequest.Invalid("--match " + request.connection() + ": " + e.getMessage());
            }
        }
        SshdConfig c = SshdFormat.read(request.root(), request.versions());
        List<EffectiveSetting> shown = connection == null ? c.all() : c.forConnection(connection);
        if (!request.keys().isEmpty()) {
            List<EffectiveSetting> all = shown;
            shown = new ArrayList<>();
            for (String key : request.keys()) {
                String wanted = c.effective(key).map(EffectiveSetting::key).orElse(key.toLowerCase(Locale.ROOT));
                List<EffectiveSetting> found = all.stream().filter(s -> s.key().equals(wanted)).toList();
                if (found.isEmpty()) {
                    out.accept(wanted + " (not set)");
                }
                shown.addAll(found);
            }
        }
        for (EffectiveSetting s : shown) {
            out.accept(request.line(s));
        }
        if (request.keys().isEmpty() && connection == null) {
            for (SshdConfig.MatchBlock m : c.matchBlocks()) {
                out.accept("Match " + m.criteria() + "    # " + m.start().origin());
                for (Directive d : m.directives()) {
                    out.accept("    " + d.keyword() + " " + request.shown(d.value(), false) + "    # " + d.origin());
                }
            }
        }
        return c.problems();
    }
}
