package chuan.config;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.apache.ApacheConfig;
import chuan.config.files.FileFormat;
import chuan.config.linux.LogrotateConfig;
import chuan.config.linux.NtpConfig;
import chuan.config.linux.PamStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input nested or included deeper than its program goes is an input error at the file and line
 * where the limit is crossed, never a crash (StackOverflowError) nor a file quietly read part-way.
 * Every reader that recurses, outside sshd and nginx.
 */
class DeepInputTest {

    private static final int DEEP = 60_000;

    @TempDir
    Path root;

    private static ConfigProblem onlyError(List<ConfigProblem> problems) {
        assertThat(problems).filteredOn(ConfigProblem::malformed).hasSize(1);
        return problems.stream().filter(ConfigProblem::malformed).findFirst().orElseThrow();
    }

    @Test
    void apacheSectionsNestedSixtyThousandDeep() throws Exception {
        write(root, "/etc/apache2/apache2.conf", "LoadModule mpm_event_module x.so\n" + "<Directory />\n".repeat(DEEP)
                + "</Directory>\n".repeat(DEEP));
        ConfigProblem p = ApacheConfig.read(new SystemRoot(root)).problems().get(0);
        assertThat(p.malformed()).isTrue();
        assertThat(p.oneLine()).startsWith("/etc/apache2/apache2.conf:10002: Apache would not start: sections nested deeper");
    }

    @Test
    void logrotateIncludesDeeperThanSixteenAndLoops() throws Exception {
        write(root, "/etc/logrotate.conf", "weekly\ninclude /etc/logrotate.d/1\n");
        for (int i = 1; i <= 20; i++) {
            write(root, "/etc/logrotate.d/" + i, "include /etc/logrotate.d/" + (i + 1) + "\n");
        }
        // the main file's include is level 1; the one in file 16 would be the 17th
        assertThat(onlyError(LogrotateConfig.read(new SystemRoot(root)).problems()).oneLine())
                .isEqualTo("/etc/logrotate.d/16:1: include nesting too deep (logrotate stops at 16 levels)");
        write(root, "/etc/logrotate.d/2", "include /etc/logrotate.d/1\n");
        assertThat(onlyError(LogrotateConfig.read(new SystemRoot(root)).problems()).oneLine())
                .startsWith("/etc/logrotate.d/2:1: include /etc/logrotate.d/1 includes a file being read (a loop)");
    }

    @Test
    void pamIncludeLoopsAndChainsDeeperThanLibpamAllows() throws Exception {
        write(root, "/etc/pam.d/sshd", "@include common-auth\n");
        write(root, "/etc/pam.d/common-auth", "auth include common-other\n");
        write(root, "/etc/pam.d/common-other", "auth substack common-auth\n");
        assertThat(onlyError(PamStack.read(new SystemRoot(root), "sshd").problems()).oneLine())
                .startsWith("/etc/pam.d/common-other:1: auth /etc/pam.d/common-auth includes a file being read (a loop)");
        for (int i = 0; i < 20; i++) {
            write(root, "/etc/pam.d/s" + i, "auth include s" + (i + 1) + "\n");
        }
        assertThat(onlyError(PamStack.read(new SystemRoot(root), "s0").problems()).oneLine())
                .isEqualTo("/etc/pam.d/s16:1: includes nested deeper than 16: libpam aborts the stack");
    }

    @Test
    void chronyIncludesDeeperThanItsLimitAndLoops() throws Exception {
        write(root, "/etc/chrony/chrony.conf", "pool pool.ntp.org iburst\ninclude /etc/chrony/c1.conf\n");
        for (int i = 1; i <= 12; i++) {
            write(root, "/etc/chrony/c" + i + ".conf", "include /etc/chrony/c" + (i + 1) + ".conf\n");
        }
        // chrony.conf is level 1, c9.conf level 10: its include would be the 11th
        assertThat(onlyError(NtpConfig.read(new SystemRoot(root)).problems()).oneLine()).isEqualTo(
                "/etc/chrony/c9.conf:1: include /etc/chrony/c10.conf: more than 10 levels of include, which chronyd refuses");
        write(root, "/etc/chrony/c2.conf", "include /etc/chrony/chrony.conf\n");
        assertThat(onlyError(NtpConfig.read(new SystemRoot(root)).problems()).oneLine())
                .contains("includes a file being read (a loop)");
    }

    @Test
    void xmlJsonAndYamlNestedSixtyThousandDeep() throws Exception {
        write(root, "/app/server.xml", "<a>".repeat(DEEP) + "x" + "</a>".repeat(DEEP));
        write(root, "/app/config.json", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP));
        write(root, "/app/config.yml", "[".repeat(DEEP) + "]".repeat(DEEP));
        SystemRoot r = new SystemRoot(root);
        assertThat(onlyError(FileFormat.XML.read(r, "/app/server.xml").problems()).oneLine())
                .isEqualTo("/app/server.xml:1: elements nested deeper than 1000");
        assertThat(onlyError(FileFormat.JSON.read(r, "/app/config.json").problems()).oneLine())
                .startsWith("/app/config.json:1: Document nesting depth (1001) exceeds the maximum allowed");
        assertThat(onlyError(FileFormat.YAML.read(r, "/app/config.yml").problems()).oneLine())
                .startsWith("/app/config.yml:1: Document nesting depth (1001) exceeds the maximum allowed");
    }
}
