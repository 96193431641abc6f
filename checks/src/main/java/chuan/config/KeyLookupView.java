package chuan.config;

import java.util.List;
import java.util.function.Consumer;

/**
 * A format asked key by key through the audit's own reader: the files read in order, then each key
 * in every scope where it is in force, masked by the format's secret policy.
 */
public final class KeyLookupView implements EffectiveView {

    private final ConfigFormat format;
    private final Needs needs;

    /** {@code needs}: {@link Needs#KEY} for a program's own files, {@link Needs#KEY_AND_FILE} for a file format. */
    public KeyLookupView(ConfigFormat format, Needs needs) {
        this.format = format;
        this.needs = needs;
    }

    @Override
    public Needs needs() {
        return needs;
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) {
        String file = request.file();
        String path = file == null ? "/" + format.markers().get(0) : (file.startsWith("/") ? file : "/" + file);
        EffectiveConfig c = format.read(request.root(), path, request.versions());
        out.accept("# read, in order: " + String.join(", ", c.filesRead()));
        for (String key : request.keys()) {
            // a file format's password-named key holds the password itself: masked, as in every report
            boolean secret = format.secrets().masks(key);
            for (EffectiveConfig.Scoped s : c.lookup(key)) {
                out.accept((s.scope() == null ? "" : s.scope() + ": ") + request.line(s.setting(), secret)
                        + (s.note() == null ? "" : "    (" + s.note() + ")"));
            }
        }
        return c.problems();
    }
}
