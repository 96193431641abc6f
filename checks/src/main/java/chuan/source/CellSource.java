package chuan.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A source whose program stores typed cells rather than text (a workbook, a database table): it opens
 * its own input and hands the scanner records already split into cells, in header order. Its
 * descriptor is registered as any other {@link DataSource}; the scanner reads it through this method
 * instead of opening the file as text.
 */
public interface CellSource extends DataSource {

    /**
     * Opens {@code file}, laid out as {@code layout} says. What the file is not (encrypted, truncated, a
     * zip bomb, another format under this name) is a {@link SourceRefused} whose message says so in one line.
     */
    CellRows open(Path file, CellLayout layout, javax.crypto.Mac fingerprint) throws SourceRefused, IOException;

    @Override
    default Shape shape() {
        return Shape.CELLS;
    }
}
