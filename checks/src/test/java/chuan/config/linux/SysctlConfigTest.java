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
    void filesApplyInNameOrderAcrossDirectories() throws Exception {
        write(root, "/usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.all.rp_filter = 2\nkernel.kptr_restrict = 1\n");
        write(root, "/etc/sysctl.d/10-hardening.conf", "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.ip_forward = 0\n");
        write(root, "/etc/sysctl.d/99-docker.conf", "net/ipv4/ip_forward=1\n");
        SysctlConfig c = read();
        // 10-hardening is applied before 50-default, so the vendor's 2 wins over the admin's 1
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").value()).isEqualTo("2");
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").origin()).isEqualTo("/usr/lib/sysctl.d/50-default.conf:1");
        assertThat(get(c, "net.ipv4.conf.all.rp_filter").ignored()).extracting(Directive::origin)
                .containsExactly("/etc/sysctl.d/10-hardening.conf:1");
        assertThat(get(c, "net.ipv4.ip_forward").value()).isEqualTo("1");
        assertThat(get(c, "net/ipv4/ip_forward").origin()).isEqualTo("/etc/sysctl.d/99-docker.conf:1");
        assertThat(c.filesRead()).containsExactly("/etc/sysctl.d/10-hardening.conf", "/usr/lib/sysctl.d/50-default.conf",
                "/etc/sysctl.d/99-docker.conf");
    }

    @Test
    void sysctlConfIsReadAtTheLinksPlaceSoALaterDropInWins() throws Exception {
        // Debian: /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf; 99-zz sorts after it, 10-early before
        write(root, "/etc/sysctl.conf", "net.ipv4.ip_forward = 1\nkernel.kptr_restrict = 1\n");
        Files.createSymbolicLink(Files.createDirectories(root.resolve("etc/sysctl.d")).resolve("99-sysctl.conf"),
                Path.of("../sysctl.conf"));
        write(root, "/etc/sysctl.d/10-early.conf", "kernel.kptr_restrict = 0\n");
        write(root, "/etc/sysctl.d/99-zz-local.conf", "net.ipv4.ip_forward = 0\n");
        SysctlConfig c = read();
        assertThat(get(c, "net.ipv4.ip_forward").value()).isEqualTo("0");
        assertThat(get(c, "net.ipv4.ip_forward").ignored()).extracting(Directive::origin)
                .containsExactly("/etc/sysctl.d/99-sysctl.conf:1");
        assertThat(get(c, "kernel.kptr_restrict").origin()).isEqualTo("/etc/sysctl.d/99-sysctl.conf:2");
        // read once, where the link is, never again at the end
        assertThat(c.filesRead()).containsExactly("/etc/sysctl.d/10-early.conf", "/etc/sysctl.d/99-sysctl.conf",
                "/etc/sysctl.d/99-zz-local.conf");
        assertThat(c.mainFile()).isEqualTo("/etc/sysctl.conf");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void withoutTheLinkSysctlConfIsNotAppliedBySystemdButIsByProcps() throws Exception {
        write(root, "/etc/sysctl.conf", "net.ipv4.ip_forward = 1\n");
        write(root, "/etc/sysctl.d/60-local.conf", "kernel.kptr_restrict = 2\n");
        SysctlConfig systemd = read();
        assertThat(systemd.effective("net.ipv4.ip_forward")).isEmpty();
        assertThat(systemd.filesRead()).containsExactly("/etc/sysctl.d/60-local.conf");
        assertThat(systemd.problems()).singleElement().satisfies(p -> {
            assertThat(p.oneLine()).startsWith("/etc/sysctl.conf: not applied at boot");
            assertThat(p.malformed()).isFalse();
        });
        // sysvinit's procps script runs sysctl --system: sysctl.d first, /etc/sysctl.conf last
        write(root, "/etc/init.d/procps", "#!/bin/sh\nsysctl --system\n");
        SysctlConfig procps = read();
        assertThat(get(procps, "net.ipv4.ip_forward").origin()).isEqualTo("/etc/sysctl.conf:1");
        assertThat(procps.filesRead()).containsExactly("/etc/sysctl.d/60-local.conf", "/etc/sysctl.conf");
        assertThat(procps.problems()).isEmpty();
        // systemd-sysctl installed: the init script is not what applies them
        write(root, "/usr/lib/systemd/system/systemd-sysctl.service", "[Service]\n");
        assertThat(read().effective("net.ipv4.ip_forward")).isEmpty();
    }

    @Test
    void aLinkToDevNullMasksAndAFolderOrHiddenFileIsNotRead() throws Exception {
        write(root, "/usr/lib/sysctl.d/10-vendor.conf", "kernel.sysrq = 1\n");
        Files.createSymbolicLink(Files.createDirectories(root.resolve("etc/sysctl.d")).resolve("10-vendor.conf"),
                Path.of("/dev/null"));
        write(root, "/etc/sysctl.d/90-dir.conf/inner.conf", "vm.swappiness = 1\n");
        write(root, "/etc/sysctl.d/.hidden.conf", "vm.swappiness = 2\n");
        write(root, "/lib/sysctl.d/40-lib.conf", "fs.suid_dumpable = 2\n");
        write(root, "/usr/lib/sysctl.d/40-lib.conf", "fs.suid_dumpable = 0\n");
        SysctlConfig c = read();
        assertThat(c.effective("kernel.sysrq")).isEmpty();
        assertThat(c.effective("vm.swappiness")).isEmpty();
        assertThat(get(c, "fs.suid_dumpable").value()).isEqualTo("0"); // /usr/lib hides the same name in /lib
        assertThat(c.filesRead()).containsExactly("/usr/lib/sysctl.d/40-lib.conf");
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/sysctl.d/90-dir.conf: a folder, not a file; systemd-sysctl cannot read it and skips it");
    }

    @Test
    void slashAndDotFormsNameTheSameParameterAsSystemdNormalisesThem() throws Exception {
        write(root, "/etc/sysctl.d/50-vlan.conf", """
                net/ipv4/conf/eth0.100/rp_filter = 1
                net.ipv4.conf.eth0/100.forwarding = 0
                kernel.printk   =   4   4 1 7
                kernel.domainname =
                """);
        SysctlConfig c = read();
        // a dot inside a name (VLAN eth0.100) is shown as sysctl(8) shows it
        assertThat(get(c, "net/ipv4/conf/eth0.100/rp_filter").key()).isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
        assertThat(get(c, "net.ipv4.conf.eth0/100.rp_filter").value()).isEqualTo("1");
        assertThat(get(c, "net/ipv4/conf/eth0.100/forwarding").value()).isEqualTo("0");
        assertThat(c.effective("net.ipv4.conf.eth0.100.rp_filter")).isEmpty(); // that would be interface eth0, sub-name 100
        assertThat(get(c, "kernel.printk").value()).isEqualTo("4   4 1 7");
        assertThat(get(c, "kernel.domainname").value()).isEmpty();
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
        // an absolute link to /etc/sysctl.conf is the root's own file
        Files.delete(root.resolve("etc/sysctl.d/99-sysctl.conf"));
        Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("/etc/sysctl.conf"));
        write(root, "/etc/sysctl.conf", "net.ipv4.ip_forward = 0\n");
        assertThat(get(read(), "net.ipv4.ip_forward").origin()).isEqualTo("/etc/sysctl.d/99-sysctl.conf:1");
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

    @Test
    void theLaterGlobWinsAnExplicitNameNeverMovesAndAnExclusionReplacesAnEarlierValue() throws Exception {
        write(root, "/usr/lib/sysctl.d/50-default.conf", """
                net.ipv4.conf.*.accept_source_route = 0
                net.ipv4.conf.all.log_martians = 1
                """);
        write(root, "/etc/sysctl.d/60-local.conf", """
                net.ipv4.conf.lo.accept_source_route = 1
                net.ipv4.conf.e?h[0-9].accept_source_route = 1
                net.ipv4.conf.*.log_martians = 0
                -net.ipv4.conf.all.log_martians
                """);
        SysctlConfig c = read();
        EffectiveSetting eth0 = get(c, "net.ipv4.conf.eth0.accept_source_route");
        assertThat(eth0.value()).isEqualTo("1");
        assertThat(eth0.origin()).isEqualTo("/etc/sysctl.d/60-local.conf:2");
        assertThat(eth0.ignored()).extracting(Directive::origin).containsExactly("/usr/lib/sysctl.d/50-default.conf:1");
        assertThat(get(c, "net.ipv4.conf.ens3.accept_source_route").value()).isEqualTo("0"); // e?h[0-9] does not match
        assertThat(get(c, "net.ipv4.conf.lo.accept_source_route").origin()).isEqualTo("/etc/sysctl.d/60-local.conf:1");
        assertThat(get(c, "net.ipv4.conf.eth0.log_martians").value()).isEqualTo("0");
        // the exclusion came after the name's own value and replaced it: nothing is written for "all"
        assertThat(c.effective("net.ipv4.conf.all.log_martians")).isEmpty();
        assertThat(c.lookup("net.ipv4.conf.all.log_martians").get(0).note())
                .isEqualTo("kept out of every glob by -net.ipv4.conf.all.log_martians at /etc/sysctl.d/60-local.conf:4");
        // a glob never crosses a dot: * is one name
        assertThat(c.effective("net.ipv4.conf.eth0.sub.accept_source_route")).isEmpty();
    }
}
