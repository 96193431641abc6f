package chuan.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files into a test system root by their system path ({@code /etc/ssh/sshd_config}). */
public final class RootFiles {

    private RootFiles() {
    }

    public static void write(Path root, String systemPath, String text) throws Exception {
        Path f = root.resolve(systemPath.substring(1));
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
