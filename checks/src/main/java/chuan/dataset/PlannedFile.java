package chuan.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The check every dataset file passes before it is opened: it is still the regular file that was planned. */
final class PlannedFile {

    private PlannedFile() {
    }

    /** The file's size; refused when it became a link since it was found, or is a FIFO, device or directory. */
    static long size(Path file) throws InputRefused {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                // planned as the file itself: a link now is one swapped in since, which may lead anywhere
                throw new InputRefused("became a symbolic link after it was found; not read");
            }
            if (!a.isRegularFile()) {
                // a FIFO would block the scan until a writer came, a device would never end: never opened
                throw new InputRefused(a.isDirectory() ? "is a directory" : "is not a regular file (a device, FIFO or socket); not opened");
            }
            return a.size();
        } catch (IOException e) {
            throw new InputRefused("cannot read: " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }
}
