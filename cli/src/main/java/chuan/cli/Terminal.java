package chuan.cli;

/** Whether standard output is a terminal that should get colour. */
final class Terminal {

    private Terminal() {
    }

    /** Whether a person is watching: both standard input and output are terminals. */
    static boolean interactive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    static boolean color(boolean noColorFlag) {
        if (noColorFlag || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        return System.console() != null;
    }
}
