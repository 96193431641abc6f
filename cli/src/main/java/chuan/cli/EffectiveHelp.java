package chuan.cli;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveView.Needs;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The parts of {@code chuan effective}'s help that list formats, written from the registry
 * ({@link EffectiveFormats}); the command's annotations name them as {@code ${bundle:...}}. It also
 * words the options the command shares with others ({@link SharedOptions}).
 */
public final class EffectiveHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<String> whole = EffectiveFormats.labels(EffectiveFormats.needing(Needs.NOTHING));
        List<String> byKey = EffectiveFormats.labels(EffectiveFormats.needing(Needs.KEY));
        List<String> files = EffectiveFormats.labels(EffectiveFormats.needing(Needs.KEY_AND_FILE));
        List<String> wholeWithNotes = EffectiveFormats.needing(Needs.NOTHING).stream().map(EffectiveHelp::withNote).toList();
        return new Object[][] {
            {"chuan.effective.formats", "DAEMON: " + String.join(", ", wholeWithNotes) + "; with --key also " + String.join(", ", byKey)
                    + ", and the file formats " + String.join(", ", files) + " (with --file)."},
            {"chuan.effective.daemon", String.join(", ", concat(whole, byKey)) + ", or a file format: " + String.join(", ", files) + "."},
            {"chuan.effective.whole", and(whole)},
            {"chuan.reveal", "Show the values of passwords, tokens and secrets (masked by default)."},
            {"chuan.assume-version", "The program's version whose compiled-in defaults apply (nginx=1.22), instead of the one the "
                    + "root's package database names. Repeatable."},
        };
    }

    private static String withNote(ConfigFormat f) {
        String note = f.effective().orElseThrow().helpNote();
        return note.isEmpty() ? f.label() : f.label() + " (" + note + ")";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** {@code a, b and c}. */
    private static String and(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
