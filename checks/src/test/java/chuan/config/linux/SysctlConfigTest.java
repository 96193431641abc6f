package chuan.config.linux;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel parameters as applied at boot from sysctl.d and /etc/sysctl.conf. */
class SysctlConfigTest {

    @TempDir
    Path root;

    private EffectiveSetting get(SysctlConfig c, String key) {
        return c.effective(key).orElseThrow(() -> new AssertionError("no " + key));
    }

    @Test
    void filesApplyInNameOrderAcrossDirectoriesAndSysctlConfLast() throws Exception {
        write(root, "/usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.all.rp_filter = 2\nkernel.kptr_restrict = 1\n");
        write(root, "/etc/sysctl.d/10-hardening.conf", "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.ip_forward = 0\n");
        write(root, "/etc/sysctl.d/99-docker.conf", "net/ipv4/ip_forward=1\n");
        write(root, "/etc/sysctl.conf", "# legacy file\n; also a comment\nkernel.kptr_restrict=2\n");
        SysctlConfig c = read();
        // 10-hardening is applied before 50-default, so the vendor's 2 wins over the admin's 1
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").value()).isEqualTo("2");
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").origin()).isEqualTo("/usr/lib/sysctl.d/50-default.conf:1");
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").ignored()).extracting(Directive::origin)
                .containsExactly("/etc/sysctl.d/10-hardening.conf:1");
        assertThat(get(c, "net.ipv4.ip_forward").value()).isEqualTo("1");
        assertThat(get(c, "net/ipv4/ip_forward").origin()).isEqualTo("/etc/sysctl.d/99-docker.conf:1");
        assertThat(get(c, "kernel.kptr_restrict").value()).isEqualTo("2");
        assertThat(c.filesRead()).containsExactly("/etc/sysctl.d/10-hardening.conf", "/usr/lib/sysctl.d/50-default.conf",
                "/etc/sysctl.d/99-docker.conf", "/etc/sysctl.conf");
    }

    @Test
    void aFileInEtcMasksTheSameNameInTheVendorDirectory() throws Exception {
        write(root, "/usr/lib/sysctl.d/50-default.conf", "kernel.dmesg_restrict = 0\n");
        write(root, "/etc/sysctl.d/50-default.conf", "kernel.dmesg_restrict = 1\n");
        SysctlConfig c = read();
        assertThat(get(c, "kernel.dmesg_restrict").value()).isEqualTo("1");
        assertThat(get(c, "kernel.dmesg_restrict").ignored()).isEmpty();
        assertThat(c.filesRead()).containsExactly("/etc/sysctl.d/50-default.conf");
    }

    @Test
    void unsetKeysHaveNoValueAndBadLinesAreReported() throws Exception {
        write(root, "/etc/sysctl.d/20-x.conf", "-net.ipv4.tcp_syncookies = 1\nthis line is wrong\nnot-a-conf = 1\n");
        write(root, "/etc/sysctl.d/30-y.txt", "net.ipv4.tcp_syncookies = 0\n");
        SysctlConfig c = read();
        assertThat(get(c, "net.ipv4.tcp_syncookies").value()).isEqualTo("1");
        assertThat(c.effective("kernel.randomize_va_space")).isEmpty();
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/sysctl.d/20-x.conf:2: no '=' in \"this line is wrong\"; line ignored");
    }

    @Test
    void linksResolveInsideTheRoot(@TempDir Path outside) throws Exception {
        Path host = outside.resolve("host.conf");
        Files.writeString(host, "net.ipv4.ip_forward = 1\n");
        Files.createDirectories(root.resolve("etc/sysctl.d"));
        Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-sysctl.conf"), host);
        SysctlConfig c = read();
        assertThat(c.effective("net.ipv4.ip_forward")).isEmpty();
        assertThat(c.problems()).extracting(ConfigProblem::file).containsExactly("/etc/sysctl.d/99-sysctl.conf");
        // Debian's 99-sysctl.conf -> ../sysctl.conf link reads the root's own file
        Files.delete(root.resolve("etc/sysctl.d/99-sysctl.conf"));
        Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        write(root, "/etc/sysctl.conf", "net.ipv4.ip_forward = 0\n");
        assertThat(get(read(), "net.ipv4.ip_forward").value()).isEqualTo("0");
    }

    private SysctlConfig read() throws Exception {
        return SysctlConfig.read(new SystemRoot(root));
    }

    @Test
    void globsSetEveryNameNotAssignedOrExcludedAsSystemdSysctlDoes() throws Exception {
        // systemd 252's own 50-default.conf, as Debian 12 ships it
        write(root, "/usr/lib/sysctl.d/50-default.conf", """
                net.ipv4.conf.default.rp_filter = 2
                net.ipv4.conf.*.rp_filter = 2
                -net.ipv4.conf.all.rp_filter
                net.ipv4.conf.*.accept_source_route = 0
                """);
        write(root, "/etc/sysctl.d/60-eth0.conf", "net.ipv4.conf.eth0.rp_filter = 1\n");
        SysctlConfig c = SysctlConfig.read(new SystemRoot(root));
        assertThat(c.problems()).isEmpty();
        assertThat(c.effective("net.ipv4.conf.all.rp_filter")).isEmpty(); // excluded: the kernel's default stays
        assertThat(get(c, "net.ipv4.conf.lo.rp_filter").value()).isEqualTo("2");
        assertThat(get(c, "net.ipv4.conf.lo.rp_filter").from().origin()).isEqualTo("/usr/lib/sysctl.d/50-default.conf:2");
        assertThat(get(c, "net.ipv4.conf.eth0.rp_filter").value()).isEqualTo("1"); // explicit beats the glob
        assertThat(get(c, "net.ipv4.conf.all.accept_source_route").value()).isEqualTo("0");
        assertThat(c.effective("net.ipv4.conf.all.log_martians")).isEmpty();
    }
}
