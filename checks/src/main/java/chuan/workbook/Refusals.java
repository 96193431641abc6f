package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Why a workbook is not read, in one line: what the file really is (by its first bytes), or what gave it away while
 * it was read (a zip bomb, a DTD, a truncated package). POI's exceptions are turned into these at its call sites.
 */
final class Refusals {

    /** The package may hold at most this many entries; a real workbook has a few dozen. */
    static final int MAX_ENTRIES = 10_000;

    private Refusals() {
    }

    /** The kind of file {@code file} is by its first bytes; refused unless it is a zip package (OOXML). */
    static void checkOoxml(Path file) throws SourceRefused, IOException {
        if (Files.size(file) == 0) {
            throw new SourceRefused("the file is empty: not a workbook");
        }
        FileMagic magic = magic(file);
        switch (magic) {
            case OOXML -> {
                return;
            }
            case OLE2 -> throw new SourceRefused(ole2(file));
            case HTML -> throw new SourceRefused("an HTML page, not an Excel workbook (export the table as .xlsx or .csv)");
            case XML -> throw new SourceRefused("an XML file (perhaps an XML Spreadsheet 2003), not an .xlsx package: save it as .xlsx");
            default -> throw new SourceRefused("not an Excel workbook (its first bytes are not a zip package: perhaps text or CSV "
                    + "named .xlsx)");
        }
    }

    static FileMagic magic(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(
                Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            return FileMagic.valueOf(in);
        }
    }

    /** An OLE2 file under a workbook's name: an encrypted package, or a legacy workbook. */
    static String ole2(Path file) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage") || fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                return "encrypted with a password: not read (remove the password, or audit a decrypted copy)";
            }
            if (fs.getRoot().hasEntryCaseInsensitive("Workbook") || fs.getRoot().hasEntryCaseInsensitive("Book")) {
                return "a legacy Excel 97-2003 workbook (.xls) named as .xlsx: rename it .xls";
            }
            return "an OLE2 compound file that is not a workbook";
        } catch (IOException | RuntimeException e) {
            return "a damaged OLE2 compound file: " + reason(e);
        }
    }

    /** A zip-level failure: a bomb by ratio or size, too many entries, or a damaged package. */
    static String zip(Exception e) {
        String m = String.valueOf(chain(e));
        if (m.contains("Zip bomb") || m.contains("zip bomb")) {
            return "refused as a zip bomb: a part inflates more than 100-fold (it was not expanded)";
        }
        if (m.contains("file entries") || m.contains("entries than expected") || m.contains("max file count")) {
            return "refused: the package holds more than " + MAX_ENTRIES + " entries, more than any workbook needs";
        }
        return "not a readable zip package (damaged or truncated): " + reason(e);
    }

    /** A part of the package that could not be read: a zip bomb found while inflating it, a DTD, or XML that is not well-formed. */
    static SourceRefused part(String part, Exception e) {
        String m = xml(e);
        if (m.startsWith("refused as a zip bomb")) {
            return new SourceRefused(m + " (" + part + ")");
        }
        if (String.valueOf(chain(e)).contains("DOCTYPE") || String.valueOf(chain(e)).contains("DTD")) {
            return new SourceRefused(part + " declares a DTD: refused, its entities never expanded or fetched");
        }
        return new SourceRefused(part + " is not well-formed XML: " + m);
    }

    /** An XML failure, which may hide a zip failure of the part being read. */
    static String xml(Exception e) {
        String m = String.valueOf(chain(e));
        if (m.contains("Zip bomb") || m.contains("zip bomb")) {
            return "refused as a zip bomb: a part inflates more than 100-fold (it was not expanded)";
        }
        return reason(e);
    }

    /** The messages of an exception and its causes, joined. */
    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    /** A short, one-line reason: the innermost message, without the parser's location noise. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        int at = m.indexOf("Message: ");
        if (at >= 0) {
            m = m.substring(at + 9);
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
