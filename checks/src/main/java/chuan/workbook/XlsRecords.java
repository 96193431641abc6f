package chuan.workbook;

import chuan.source.SourceRefused;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;

/**
 * The records of a Workbook stream from a byte offset on, parsed by POI's record factory (RK and MulRK cells
 * come as number records, DBCELL and stray CONTINUE records are dropped). POI throws unchecked exceptions of many
 * kinds on a damaged stream; they are caught here, at its two call sites, and become the file's refusal.
 */
final class XlsRecords implements Closeable {

    static final String ENCRYPTED = "an .xls workbook encrypted with a password: not read";

    private final Counting in;
    private final RecordFactoryInputStream records;

    private XlsRecords(Counting in, RecordFactoryInputStream records) {
        this.in = in;
        this.records = records;
    }

    /**
     * Opens the stream at {@code offset}, which the caller has checked lies inside it; {@code exact} keeps
     * {@link #consumed()} exact (unbuffered: for the globals, which are small), else reads are buffered.
     */
    static XlsRecords open(DocumentEntry entry, long offset, boolean exact) throws IOException, SourceRefused {
        Counting in = new Counting(new DocumentInputStream(entry));
        try {
            if (in.skipUpTo(offset) < offset) {
                throw new IOException("the Workbook stream ends before byte " + offset);
            }
            InputStream read = exact ? in : new BufferedInputStream(in, 1 << 16);
            // reads the first record or two: a FILEPASS there sets up decryption with Excel's default password
            return new XlsRecords(in, new RecordFactoryInputStream(read, false));
        } catch (EncryptedDocumentException e) {
            in.close();
            throw new SourceRefused(ENCRYPTED);
        } catch (RuntimeException e) {
            in.close();
            throw damaged(e);
        }
    }

    /** The raw bytes of the stream from {@code offset} on (to read record headers, which are never encrypted). */
    static InputStream raw(DocumentEntry entry, long offset) throws IOException {
        Counting in = new Counting(new DocumentInputStream(entry));
        in.skipUpTo(offset);
        return in;
    }

    /** The next record, or null at the end of the stream. */
    Record next() throws SourceRefused {
        try {
            return records.nextRecord();
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** Bytes read from the stream so far (the end of the last record, while nothing is decrypted). */
    long consumed() {
        return in.count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A refusal naming POI's complaint in one short line. */
    static SourceRefused damaged(RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return damaged(why);
    }

    static SourceRefused damaged(String why) {
        String line = why.replaceAll("\\p{Cntrl}+", " ").strip();
        if (line.length() > 160) {
            line = line.substring(0, 157) + "...";
        }
        return new SourceRefused("a damaged .xls workbook (" + line + "): not read");
    }

    /** Counts what is read, so the end of the workbook globals is known as a byte offset. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        /** Reads past up to {@code n} bytes (DocumentInputStream.skip would allocate them all at once). */
        long skipUpTo(long n) throws IOException {
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            return skipUpTo(n);
        }
    }
}
