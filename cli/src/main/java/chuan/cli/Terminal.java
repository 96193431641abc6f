package chuan.cli;

/** Whether standard output is a terminal that should get colour. */
final class Terminal {

    private Terminal() {
    }

    static boolean color(boolean noColorFlag) {
        if (noColorFlag || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        return System.console() != null;
    }
}
