package chuan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file resolved inside the root is read without following any link: a link swapped in between the
 * check and the read (an attacker racing the audit) makes the read fail, never read the host's file.
 * The swap is made deterministic here by making it between {@code resolve} and {@code read}.
 */
class SystemRootTest {

    @Test
    void aFileSwappedForALinkAfterItWasResolvedIsNotRead(@TempDir Path dir) throws Exception {
        Path host = Files.writeString(dir.resolve("host-secret"), "PermitRootLogin yes\n");
        Path rootDir = dir.resolve("root");
        RootFiles.write(rootDir, "/etc/ssh/sshd_config.d/50.conf", "PermitRootLogin no\n");
        SystemRoot root = new SystemRoot(rootDir);
        Path resolved = root.resolve("/etc/ssh/sshd_config.d/50.conf", "/").orElseThrow();
        assertThat(new String(root.read(resolved))).contains("no");

        Files.delete(resolved);
        Files.createSymbolicLink(resolved, host);
        assertThatThrownBy(() -> root.read(resolved)).isInstanceOf(SystemRoot.NotRead.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aFolderSwappedForALinkAfterItWasResolvedIsNotRead(@TempDir Path dir) throws Exception {
        Path hostDir = Files.createDirectories(dir.resolve("host"));
        Files.writeString(hostDir.resolve("50.conf"), "PermitRootLogin yes\n");
        Path rootDir = dir.resolve("root");
        RootFiles.write(rootDir, "/etc/ssh/sshd_config.d/50.conf", "PermitRootLogin no\n");
        SystemRoot root = new SystemRoot(rootDir);
        Path resolved = root.resolve("/etc/ssh/sshd_config.d/50.conf", "/").orElseThrow();

        Path folder = rootDir.resolve("etc/ssh/sshd_config.d");
        Files.delete(folder.resolve("50.conf"));
        Files.delete(folder);
        Files.createSymbolicLink(folder, hostDir);
        assertThatThrownBy(() -> root.read(resolved)).isInstanceOf(SystemRoot.NotRead.class)
                .hasMessageContaining("changed while it was read");
    }

    @Test
    void specialFilesAreNeverOpenedAndLargeOnesNeverRead(@TempDir Path dir) throws Exception {
        Path rootDir = Files.createDirectories(dir.resolve("root/etc"));
        Process mk = new ProcessBuilder("mkfifo", rootDir.resolve("fifo").toString()).start();
        assertThat(mk.waitFor()).isZero();
        SystemRoot root = new SystemRoot(dir.resolve("root"), 1024);
        // a FIFO nobody writes to would block the read for ever if it were opened
        assertThatThrownBy(() -> root.read(root.resolve("/etc/fifo", "/").orElseThrow()))
                .isInstanceOf(SystemRoot.NotRead.class).hasMessageContaining("FIFO");
        Files.write(rootDir.resolve("big"), new byte[2048]);
        assertThatThrownBy(() -> root.read(root.resolve("/etc/big", "/").orElseThrow()))
                .isInstanceOf(SystemRoot.NotRead.class).hasMessageContaining("over the 1 KiB limit");
        assertThatThrownBy(() -> root.read(dir.resolve("elsewhere"))).isInstanceOf(SystemRoot.NotRead.class)
                .hasMessageContaining("outside");
    }
}
