package chuan.workbook;

/**
 * Apache POI set up once for the process, before any of its classes logs: no console output of its own (reports are
 * chuan's only output), and its zip guards at the limits chuan reads workbooks within.
 */
public final class PoiSetup {

    private static volatile boolean done;

    private PoiSetup() {
    }

    /** Idempotent; call before the first use of POI. */
    public static synchronized void init() {
        if (done) {
            return;
        }
        // POI logs through Log4j's API; with no logging provider it would print to the console
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
            System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        // a part inflating more than 100-fold is a zip bomb, and a package with more entries than a workbook needs is
        // refused before its entries are read
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxFileCount(Refusals.MAX_ENTRIES);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(4L << 30);
        done = true;
    }
}
