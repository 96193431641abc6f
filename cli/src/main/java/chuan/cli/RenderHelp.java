package chuan.cli;

import java.util.ListResourceBundle;

/** How {@code chuan render} words the options it shares with other commands ({@link SharedOptions}). */
public final class RenderHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"chuan.no-color", "No colour in the console format."},
        };
    }
}
