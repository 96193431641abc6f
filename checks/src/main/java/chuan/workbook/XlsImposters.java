package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * What a file given as {@code .xls} really is when it is no OLE2 compound file. Portals export HTML tables and
 * XML Spreadsheets under {@code .xls}; reading those as BIFF would only report them damaged, so each is named.
 */
final class XlsImposters {

    /** Enough of the head to find an HTML or SpreadsheetML root after a prolog and comments. */
    private static final int HEAD = 4096;

    private XlsImposters() {
    }

    /** Returns when the file starts as an OLE2 compound file; otherwise refuses it, saying what it is. */
    static void requireOle2(Path file) throws IOException, SourceRefused {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new SourceRefused("an empty file, not an Excel workbook");
        }
        FileMagic magic = FileMagic.valueOf(head);
        switch (magic) {
            case OLE2:
                return;
            case OOXML:
                throw new SourceRefused(ascii(head).contains("application/vnd.oasis.opendocument")
                        ? "an OpenDocument spreadsheet (.ods), not a binary .xls: save it as .xlsx"
                        : "a zip package (an .xlsx workbook or another Office Open XML file), not a binary .xls: rename it .xlsx if it is one");
            case BIFF2, BIFF3, BIFF4:
                throw new SourceRefused("an Excel 2.x-4.0 worksheet (BIFF2-4), older than the .xls chuan reads: save it as .xlsx");
            case PDF:
                throw new SourceRefused("a PDF document, not an Excel workbook");
            case RTF, WORD2, MSWRITE:
                throw new SourceRefused("a word-processor document (" + magic + "), not an Excel workbook");
            case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP:
                throw new SourceRefused("an image (" + magic + "), not an Excel workbook");
            default:
                throw new SourceRefused(textual(head));
        }
    }

    /** The refusal of a file FileMagic did not place (or placed as XML/HTML): markup, text or unknown bytes. */
    private static String textual(byte[] head) {
        String text = decode(head);
        String lower = text.toLowerCase(Locale.ROOT).stripLeading();
        String html = "an HTML page, not an Excel workbook (portals export HTML tables as .xls): save it as .xlsx or CSV";
        if (lower.startsWith("<!doctype html") || lower.contains("<html")) {
            return html;
        }
        // before <table: SpreadsheetML has a <Table> element too
        if (lower.contains("urn:schemas-microsoft-com:office:spreadsheet") || lower.contains("progid=\"excel.sheet\"")) {
            return "an Excel 2003 XML Spreadsheet, not a binary .xls: save it as .xlsx";
        }
        if (lower.contains("<table")) {
            return html;
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<")) {
            return "an XML file, not an Excel workbook";
        }
        if (isText(text)) {
            return "a text file (CSV or other delimited text), not an Excel workbook: read it as CSV";
        }
        return "not an Excel workbook: its first bytes are no format chuan knows";
    }

    /** The head as text: UTF-16 when it has a byte-order mark (Excel's "Unicode Text"), else UTF-8. */
    private static String decode(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new String(head, 3, head.length - 3, StandardCharsets.UTF_8);
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    /** No NUL and few other control characters: a legacy single-byte encoding decoded as UTF-8 still passes. */
    private static boolean isText(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control * 100 <= text.length();
    }

    private static String ascii(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[HEAD];
            int n = in.readNBytes(buf, 0, HEAD);
            return Arrays.copyOf(buf, n);
        }
    }
}
