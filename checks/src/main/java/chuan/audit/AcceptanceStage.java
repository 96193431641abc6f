package chuan.audit;

import chuan.gate.Baseline;
import chuan.gate.Waivers;
import chuan.model.BaselineState;
import chuan.model.Result;
import chuan.model.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the project has already accepted, applied to every target's results in one place, the same
 * for datasets and configurations: the waivers (a waived result keeps its counts and says who
 * accepted it until when), then the baseline (each violation marked new or unchanged, the result
 * failing only on new ones), then the examples cut to the cap, new ones first. Against a baseline
 * the checks keep every example, since any of them may be the new one.
 */
final class AcceptanceStage {

    private final Waivers waivers;
    private final Baseline baseline;
    private final LocalDate asOf;
    private final int maxExamples;

    AcceptanceStage(Waivers waivers, Baseline baseline, LocalDate asOf, int maxExamples) {
        this.waivers = waivers;
        this.baseline = baseline;
        this.asOf = asOf;
        this.maxExamples = maxExamples;
    }

    /** How many examples per result the checks keep (0 = all): all of them against a baseline. */
    int examplesToKeep() {
        return baseline != null ? 0 : maxExamples;
    }

    /** The results of one target, with what was accepted applied. */
    List<Result> apply(List<Result> results) {
        List<Result> out = results;
        if (waivers != null) {
            out = waivers.apply(out, asOf);
        }
        if (baseline != null) {
            out = cap(baseline.apply(out), maxExamples);
        }
        return out;
    }

    /** The first {@code max} examples of each result (0 = all), new violations first. */
    private static List<Result> cap(List<Result> results, int max) {
        if (max == 0) {
            return results;
        }
        List<Result> out = new ArrayList<>(results.size());
        for (Result r : results) {
            if (r.examples().size() <= max) {
                out.add(r);
                continue;
            }
            List<Violation> sorted = new ArrayList<>(r.examples());
            sorted.sort(Comparator.comparing(v -> v.baselineState() == BaselineState.UNCHANGED));
            out.add(r.againstBaseline(r.newViolations() == null ? 0 : r.newViolations(), sorted.subList(0, max)));
        }
        return out;
    }
}
