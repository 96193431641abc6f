package chuan.cli.planted;

import chuan.api.Chuan;
import chuan.rules.RuleCatalog;

/** A command that goes round the facade to the rule catalogue: what {@code CliLayeringTest} must refuse. */
public final class CallsTheEngine {

    private CallsTheEngine() {
    }

    /** Through the facade (allowed), then straight to the engine (refused). */
    public static int rules() {
        int viaFacade = new Chuan("test").rules().size();
        return viaFacade + RuleCatalog.builtIn().all().size();
    }
}
