package chuan.cli;

import java.util.ListResourceBundle;

/** How {@code chuan scan} words the options it shares with other commands ({@link SharedOptions}). */
public final class ScanHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"chuan.reveal", "Show personal values and secrets unmasked in reports (they are masked by default)."},
            {"chuan.assume-version", "Audit with the compiled-in defaults of this version of a program (nginx=1.22) instead of the "
                    + "version a system root's package database names. Repeatable."},
            {"chuan.no-color", "No colour, even on a terminal (NO_COLOR is honoured too)."},
        };
    }
}
