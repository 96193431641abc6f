package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveSetting;
import chuan.config.EffectiveView;
import java.util.List;
import java.util.function.Consumer;

/** sysctl in {@code chuan effective}: the files read, then every parameter set, or each name asked however it is set (its own line or a glob). */
final class SysctlView implements EffectiveView {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) {
        SysctlConfig c = SysctlConfig.read(request.root());
        out.accept("# read, in order: " + String.join(", ", c.filesRead()));
        if (request.keys().isEmpty()) {
            for (EffectiveSetting s : c.all()) {
                out.accept(request.line(s));
            }
        }
        for (String key : request.keys()) {
            for (EffectiveConfig.Scoped s : c.lookup(key)) {
                out.accept(request.line(s.setting()) + (s.note() == null ? "" : "    (" + s.note() + ")"));
            }
        }
        return c.problems();
    }
}
