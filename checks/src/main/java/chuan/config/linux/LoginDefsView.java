package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveSetting;
import chuan.config.EffectiveView;
import java.util.List;
import java.util.function.Consumer;

/** login.defs in {@code chuan effective}: every name set and every documented default, or the names asked. */
final class LoginDefsView implements EffectiveView {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) {
        LoginDefs d = LoginDefs.read(request.root());
        for (EffectiveSetting s : request.selected(d.all())) {
            out.accept(request.line(s));
        }
        return d.problems();
    }
}
