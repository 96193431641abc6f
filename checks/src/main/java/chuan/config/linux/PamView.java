package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveView;
import java.util.List;
import java.util.function.Consumer;

/** PAM in {@code chuan effective}: one service's stack ({@code --service}), rule by rule, includes and substacks expanded. */
final class PamView implements EffectiveView {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public String helpNote() {
        return "with --service";
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) {
        PamStack s = PamStack.read(request.root(), request.service());
        for (PamStack.Rule r : s.rules()) {
            out.accept(r.type() + " " + r.control() + " " + r.module()
                    + (r.args().isEmpty() ? "" : " " + String.join(" ", r.args())) + "    # " + r.from().origin());
        }
        return s.problems();
    }
}
