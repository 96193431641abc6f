package chuan.dataset;

import java.io.IOException;

/**
 * How the dataset scanner reads one kind of {@link chuan.source.DataSource}: the registered
 * descriptor of a source the scanner reads implements this too, so choosing the source is asking its descriptor.
 */
interface SourceReader {

    /** The batches of the file opened as {@code opening} says. */
    BatchSource open(Opening opening) throws IOException;
}
