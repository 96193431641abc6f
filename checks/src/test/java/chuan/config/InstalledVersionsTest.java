package chuan.config;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Program versions read from a system root's package database, and what --assume-version overrides. */
class InstalledVersionsTest {

    @TempDir
    Path root;

    private InstalledVersions read(Map<String, String> assumed) throws Exception {
        return InstalledVersions.read(new SystemRoot(root), assumed);
    }

    @Test
    void dpkgsStatusNamesTheInstalledPackagesVersionNotARemovedOnes() throws Exception {
        write(root, "/var/lib/dpkg/status", """
                Package: nginx
                Status: deinstall ok config-files
                Version: 1.18.0-6ubuntu14

                Package: nginx-core
                Status: install ok installed
                Priority: optional
                Version: 1.24.0-2ubuntu7
                Description: nginx web/proxy server
                 (standard version)

                Package: openssh-server
                Status: install ok installed
                Version: 1:9.2p1-2+deb12u3
                """);
        InstalledVersions v = read(Map.of());
        InstalledVersions.Installed nginx = v.get("nginx").orElseThrow();
        assertThat(nginx.describe()).isEqualTo("nginx 1.24.0-2ubuntu7 from /var/lib/dpkg/status (package nginx-core)");
        assertThat(nginx.upstream()).isEqualTo("1.24.0");
        assertThat(nginx.atLeast("1.23.4")).isTrue();
        assertThat(nginx.atLeast("1.27.3")).isFalse();
        InstalledVersions.Installed sshd = v.get("sshd").orElseThrow();
        assertThat(sshd.upstream()).isEqualTo("9.2p1");
        assertThat(sshd.atLeast("9.2")).isTrue();
        assertThat(sshd.atLeast("9.10")).isFalse();
        assertThat(v.get("apache")).isEmpty();
    }

    @Test
    void assumedVersionsWinOverTheDatabase() throws Exception {
        write(root, "/var/lib/dpkg/status", "Package: nginx\nStatus: install ok installed\nVersion: 1.22.1-9\n");
        InstalledVersions.Installed nginx = read(Map.of("nginx", "1.28")).get("nginx").orElseThrow();
        assertThat(nginx.describe()).isEqualTo("nginx 1.28 from --assume-version");
        assertThat(nginx.atLeast("1.27.3")).isTrue();
        assertThat(InstalledVersions.checkAssumed(Map.of("nginx", "1.22"))).isEmpty();
        assertThat(InstalledVersions.checkAssumed(Map.of("nginx", "new"))).contains("'new' is not a version (such as 1.22 or 9.2p1)");
        assertThat(InstalledVersions.checkAssumed(Map.of("httpd2", "2.4"))).contains("'httpd2' is not one of apache, nginx, sshd");
    }

    @Test
    void alpinesDatabaseIsRead() throws Exception {
        write(root, "/lib/apk/db/installed", "C:Q1abc=\nP:musl\nV:1.2.4-r2\n\nC:Q1def=\nP:nginx\nV:1.24.0-r15\nA:x86_64\n");
        assertThat(read(Map.of()).get("nginx").orElseThrow().describe())
                .isEqualTo("nginx 1.24.0-r15 from /lib/apk/db/installed (package nginx)");
    }

    @Test
    void withoutADatabaseTheDocumentationFolderTells() throws Exception {
        Files.createDirectories(root.resolve("usr/share/doc/nginx-1.20.1"));
        Files.createDirectories(root.resolve("usr/share/doc/nginx-common"));
        assertThat(read(Map.of()).get("nginx").orElseThrow().describe()).isEqualTo("nginx 1.20.1 from /usr/share/doc/nginx-1.20.1");
        Files.delete(root.resolve("usr/share/doc/nginx-1.20.1"));
        write(root, "/usr/share/doc/nginx/CHANGES", "\nChanges with nginx 1.20.1                                          25 May 2021\n\n"
                + "    *) Security: ...\n\nChanges with nginx 1.20.0\n");
        assertThat(read(Map.of()).get("nginx").orElseThrow().describe()).isEqualTo("nginx 1.20.1 from /usr/share/doc/nginx/CHANGES");
        Files.delete(root.resolve("usr/share/doc/nginx/CHANGES"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(root.resolve("usr/share/doc/nginx/changelog.Debian.gz")))) {
            out.write("nginx (1.22.1-9+deb12u2) bookworm-security; urgency=medium\n\n  * Fix.\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(Map.of()).get("nginx").orElseThrow().describe())
                .isEqualTo("nginx 1.22.1-9+deb12u2 from /usr/share/doc/nginx/changelog.Debian.gz");
    }

    @Test
    void nothingToTellIsUnknown() throws Exception {
        assertThat(read(Map.of()).get("nginx")).isEmpty();
        assertThat(InstalledVersions.none().get("sshd")).isEmpty();
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(InstalledVersions.compare("1.9", "1.23.4")).isNegative();
        assertThat(InstalledVersions.compare("1.23.4", "1.23.4")).isZero();
        assertThat(InstalledVersions.compare("1.23", "1.23.0")).isZero();
        assertThat(InstalledVersions.compare("9.10p1", "9.2")).isPositive();
    }
}
