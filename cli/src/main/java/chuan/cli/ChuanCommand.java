package chuan.cli;

import chuan.api.Chuan;
import chuan.api.ChuanException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command is: check the options ({@link #validate}), then do the work ({@link #execute})
 * through the facade. A refusal is a {@link ChuanException} thrown from either; {@link Main} turns
 * it, and anything else thrown, into the exit code, in one place.
 */
abstract class ChuanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Refuses options that cannot go together or are out of range; nothing is read or written yet. */
    void validate() throws ChuanException {
    }

    /** Does the work; returns the exit code of a run that was not refused. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        validate();
        return execute();
    }

    /** The session this command runs in: the facade, the shell's input, the scan listener. */
    final Main session() {
        return (Main) spec.root().userObject();
    }

    final Chuan chuan() {
        return session().chuan();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A bad option, in one line (exit 2). */
    static ChuanException usage(String line) {
        return ChuanException.usage(line);
    }
}
