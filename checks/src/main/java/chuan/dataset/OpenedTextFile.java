package chuan.dataset;

import chuan.standard.LegacyEncoding;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import javax.crypto.Mac;

/**
 * The first step of a dataset scan: a file opened as text. It is opened only if it still is the
 * regular file that was planned (not a link swapped in since, a FIFO or a device), refused when
 * its first bytes say it is binary, and decoded to UTF-8 whatever it is written in (a UTF-8
 * byte-order mark skipped, UTF-16 found by its mark or its zero bytes, a declared legacy
 * encoding). Every byte read feeds the file's keyed fingerprint and the progress count.
 */
final class OpenedTextFile implements AutoCloseable {

    private static final int SNIFF = 8192;

    private final InputStream raw;
    private final MacStream digest;
    private final Mac mac;
    private final CountingStream counted;
    private final InputStream text;
    private final long bytes;
    private final boolean bom;
    private final Utf16.Detected utf16;
    private final LegacyEncoding legacy;

    private OpenedTextFile(InputStream raw, MacStream digest, Mac mac, CountingStream counted, InputStream text, long bytes,
                           boolean bom, Utf16.Detected utf16, LegacyEncoding legacy) {
        this.raw = raw;
        this.digest = digest;
        this.mac = mac;
        this.counted = counted;
        this.text = text;
        this.bytes = bytes;
        this.bom = bom;
        this.utf16 = utf16;
        this.legacy = legacy;
    }

    /**
     * Opens {@code file} as text. {@code declared} is the profile's encoding (null: UTF-8, or UTF-16
     * when the bytes say so); {@code options} give the fingerprint key and the reference data
     * holding legacy encodings.
     */
    static OpenedTextFile open(Path file, String declared, ScanOptions options) throws InputRefused, IOException {
        long bytes = PlannedFile.size(file);
        Mac mac = options.fingerprints().fileDigest();
        InputStream raw = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            CountingStream counted = new CountingStream(new BufferedInputStream(raw, 1 << 16));
            MacStream digest = new MacStream(counted, mac);
            PushbackInputStream in = new PushbackInputStream(digest, SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.unread(head);
            Utf16.Detected utf16 = Utf16.detect(head, head.length, chuan.standard.Encodings.utf16(declared));
            if (utf16 != null) {
                in.skipNBytes(utf16.bomLength());
                return new OpenedTextFile(raw, digest, mac, counted, new Utf8Stream(Utf16.reader(in, utf16.charset())), bytes,
                        false, utf16, null);
            }
            String binary = sniffBinary(head);
            if (binary != null) {
                throw new InputRefused(binary);
            }
            boolean bom = skipBom(in);
            if (declared != null && !declared.equals("UTF-8")) {
                LegacyEncoding legacy = chuan.standard.Encodings.byName(declared, options.reference()).orElseThrow();
                return new OpenedTextFile(raw, digest, mac, counted, new Utf8Stream(legacy.decode(in)), bytes, bom, null, legacy);
            }
            return new OpenedTextFile(raw, digest, mac, counted, in, bytes, bom, null, null);
        } catch (InputRefused | IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The file's text as UTF-8 bytes. */
    InputStream text() {
        return text;
    }

    /** The file's size when it was opened. */
    long bytes() {
        return bytes;
    }

    /** Whether a UTF-8 byte-order mark was skipped. */
    boolean bom() {
        return bom;
    }

    /** The UTF-16 the file is written in, or null. */
    Utf16.Detected utf16() {
        return utf16;
    }

    /** The declared legacy encoding the file was decoded from, or null. */
    LegacyEncoding legacy() {
        return legacy;
    }

    /** The bytes read so far, for progress. */
    long bytesRead() {
        return counted.count();
    }

    /** Reads what the scan left unread (the digest covers the whole file even when reading stopped early) and gives the fingerprint. */
    String fingerprint() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (digest.read(buf) >= 0) {
            // drained into the digest
        }
        return chuan.model.Fingerprints.finish(mac);
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** A NUL byte in the first 8 KiB of a file that is not UTF-16 means this is not text: say so instead of a flood of errors. */
    private static String sniffBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return "binary file (it contains NUL bytes): not a CSV, TSV or JSON dataset";
            }
        }
        return null;
    }

    private static boolean skipBom(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return true;
        }
        in.unread(head);
        return false;
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
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
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Feeds every byte read to a keyed digest of the file. */
    private static final class MacStream extends FilterInputStream {
        private final Mac mac;

        MacStream(InputStream in, Mac mac) {
            super(in);
            this.mac = mac;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                mac.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                mac.update(b, off, n);
            }
            return n;
        }
    }
}
