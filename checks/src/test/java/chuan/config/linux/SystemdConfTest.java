package chuan.config.linux;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.EffectiveConfig.Scoped;
import chuan.config.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** journald and timesyncd: main file, drop-ins in name order across directories, computed keys, NTP sources. */
class SystemdConfTest {

    @TempDir
    Path root;

    private SystemdConf journald() throws Exception {
        return SystemdConf.read(new SystemRoot(root), "journald", SystemdConf.JOURNALD);
    }

    @Test
    void dropInsOverrideTheMainFileInNameOrderAndEtcHidesUsrLib() throws Exception {
        write(root, "/etc/systemd/journald.conf", "[Journal]\n#Storage=auto\nMaxRetentionSec=1month\n");
        write(root, "/usr/lib/systemd/journald.conf.d/10-vendor.conf", "[Journal]\nMaxRetentionSec=1week\n");
        write(root, "/etc/systemd/journald.conf.d/10-vendor.conf", "[Journal]\nCompress=no\n");
        write(root, "/etc/systemd/journald.conf.d/90-local.conf", "[Journal]\nMaxRetentionSec=6month\nStorage=persistent\n");
        SystemdConf c = journald();
        Scoped r = c.lookup("MaxRetentionSec").get(0);
        assertThat(r.setting().value()).isEqualTo("6month");
        assertThat(r.setting().from().origin()).isEqualTo("/etc/systemd/journald.conf.d/90-local.conf:2");
        assertThat(r.setting().ignored()).extracting(d -> d.origin()).containsExactly("/etc/systemd/journald.conf:3");
        assertThat(c.filesRead()).doesNotContain("/usr/lib/systemd/journald.conf.d/10-vendor.conf");
        assertThat(c.lookup("storage-effective").get(0).setting().value()).isEqualTo("persistent");
        assertThat(c.lookup("Journal.Compress").get(0).setting().value()).isEqualTo("no");
    }

    @Test
    void autoStorageIsPersistentOnlyWithVarLogJournalAndZeroRetentionIsUnlimited() throws Exception {
        write(root, "/etc/systemd/journald.conf", "[Journal]\n#Storage=auto\n");
        SystemdConf c = journald();
        assertThat(c.lookup("storage-effective").get(0).setting().value()).isEqualTo("volatile");
        assertThat(c.lookup("retention").get(0).setting().value()).isEqualTo("infinity");
        Files.createDirectories(root.resolve("var/log/journal"));
        assertThat(journald().lookup("storage-effective").get(0).setting().value()).isEqualTo("persistent");
    }

    @Test
    void timeSourcesComeFromChronyElseTimesyncdWithItsFallback() throws Exception {
        write(root, "/etc/systemd/timesyncd.conf", "[Time]\n#NTP=\n");
        Scoped fallback = NtpConfig.read(new SystemRoot(root)).lookup("servers").get(0);
        assertThat(fallback.setting().value()).startsWith("0.debian.pool.ntp.org");
        assertThat(fallback.note()).contains("FallbackNTP");
        write(root, "/etc/systemd/timesyncd.conf", "[Time]\nNTP=ntp.gov.vn\nFallbackNTP=\n");
        assertThat(NtpConfig.read(new SystemRoot(root)).lookup("servers").get(0).setting().value()).isEqualTo("ntp.gov.vn");
        write(root, "/etc/systemd/timesyncd.conf", "[Time]\nFallbackNTP=\n");
        assertThat(NtpConfig.read(new SystemRoot(root)).lookup("servers").get(0).setting().value()).isNull();

        write(root, "/etc/chrony/chrony.conf", "# Debian\nconfdir /etc/chrony/conf.d\nsourcedir /run/chrony-dhcp\n"
                + "sourcedir /etc/chrony/sources.d\nmakestep 1 3\n");
        write(root, "/etc/chrony/sources.d/agency.sources", "server time.agency.gov.vn iburst\n");
        NtpConfig chrony = NtpConfig.read(new SystemRoot(root));
        Scoped s = chrony.lookup("servers").get(0);
        assertThat(s.setting().value()).isEqualTo("time.agency.gov.vn");
        assertThat(s.setting().from().origin()).isEqualTo("/etc/chrony/sources.d/agency.sources:1");
        assertThat(chrony.mainFile()).isEqualTo("/etc/chrony/chrony.conf");
        assertThat(chrony.problems()).isEmpty(); // /run/chrony-dhcp exists only at run time
    }

    @Test
    void shellStartupFilesAreReadInTheOrderProfileSourcesThem() throws Exception {
        write(root, "/etc/profile", "PATH=/usr/bin\nTMOUT=900\n");
        write(root, "/etc/profile.d/00-a.sh", "  export TMOUT=600\n");
        write(root, "/etc/profile.d/tmout.sh", "readonly TMOUT=300; export TMOUT\n");
        write(root, "/etc/profile.d/notes.txt", "TMOUT=0\n");
        ShellProfile p = ShellProfile.read(new SystemRoot(root));
        Scoped t = p.lookup("TMOUT").get(0);
        assertThat(t.setting().value()).isEqualTo("300");
        assertThat(t.setting().from().origin()).isEqualTo("/etc/profile.d/tmout.sh:1");
        assertThat(t.setting().ignored()).hasSize(2);
        assertThat(p.lookup("HISTSIZE").get(0).setting().value()).isNull();
    }
}
