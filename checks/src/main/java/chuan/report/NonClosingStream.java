package chuan.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Serializers close the stream they write to; a report still has a final newline to write. */
final class NonClosingStream extends FilterOutputStream {

    NonClosingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
