package chuan.report;

import chuan.model.Waiver;

/** A waiver in one line, as the console, HTML, Markdown and CSV reports write it: reason; owner; ticket; until. */
final class WaiverText {

    private WaiverText() {
    }

    static String of(Waiver w) {
        return w.reason() + (w.owner() != null ? "; owner " + w.owner() : "") + (w.ticket() != null ? "; " + w.ticket() : "")
                + (w.expires() != null ? "; until " + w.expires() : "");
    }
}
