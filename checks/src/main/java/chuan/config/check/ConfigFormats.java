package chuan.config.check;

import chuan.config.ConfigFormat;
import chuan.config.KeyLookupFormat;
import chuan.config.apache.ApacheConfig;
import chuan.config.files.FileFormat;
import chuan.config.files.SecretsFormat;
import chuan.config.linux.LoginDefsFormat;
import chuan.config.linux.LogrotateConfig;
import chuan.config.linux.NtpConfig;
import chuan.config.linux.PamFormat;
import chuan.config.linux.ShellProfile;
import chuan.config.linux.SysctlFormat;
import chuan.config.linux.SystemdConf;
import chuan.config.nginx.NginxFormat;
import chuan.config.sshd.SshdFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration formats chuan reads, each registered here once. Everything that lists formats
 * (the profile and report schemas, docs/config-audits.md, {@code chuan effective}'s names, help and
 * completion) is generated from this list or checked against it by a test. The order is the one
 * {@code chuan effective} lists them in, within what each needs ({@link chuan.config.EffectiveView.Needs}).
 */
public final class ConfigFormats {

    private static final ConfigFormats BUILT_IN = new ConfigFormats(List.of(
            new SshdFormat(),
            new NginxFormat(),
            // Apache httpd 2.4, Debian's or Red Hat's layout (it reads the version for <IfVersion> from the root itself)
            new KeyLookupFormat("apache", List.of("etc/apache2/apache2.conf", "etc/httpd/conf/httpd.conf"), ApacheConfig::read),
            new SysctlFormat(),
            new LoginDefsFormat(),
            new PamFormat(),
            // systemd-journald: journald.conf and its drop-ins, as systemd.conf(5) orders them
            new KeyLookupFormat("journald", List.of("etc/systemd/journald.conf"),
                    root -> SystemdConf.read(root, "journald", SystemdConf.JOURNALD)),
            new KeyLookupFormat("logrotate", List.of("etc/logrotate.conf"), LogrotateConfig::read),
            // time synchronisation: chrony, else ntpd or ntpsec, else systemd-timesyncd
            new KeyLookupFormat("ntp", List.of("etc/chrony/chrony.conf", "etc/chrony.conf", "etc/systemd/timesyncd.conf",
                    "etc/ntp.conf", "etc/ntpsec/ntp.conf"), NtpConfig::read),
            // login shells' profile: plain assignments in /etc/profile, bash.bashrc and profile.d (the shell is not run)
            new KeyLookupFormat("shell", List.of("etc/profile"), ShellProfile::read),
            FileFormat.PROPERTIES,
            FileFormat.YAML,
            FileFormat.JSON,
            FileFormat.INI,
            FileFormat.ENV,
            FileFormat.XML,
            FileFormat.LINES,
            new SecretsFormat()));

    private final List<ConfigFormat> all;

    /** A registry of these formats; two with one label are refused. */
    public ConfigFormats(List<ConfigFormat> formats) {
        Set<String> labels = new HashSet<>();
        for (ConfigFormat f : formats) {
            if (!labels.add(f.label())) {
                throw new IllegalArgumentException("config format " + f.label() + " is registered twice");
            }
        }
        this.all = List.copyOf(formats);
    }

    /** The formats chuan reads. */
    public static ConfigFormats builtIn() {
        return BUILT_IN;
    }

    /** Every format, in registration order. */
    public List<ConfigFormat> all() {
        return all;
    }

    /** The format profiles and reports call {@code label}. */
    public Optional<ConfigFormat> byLabel(String label) {
        return all.stream().filter(f -> f.label().equals(label)).findFirst();
    }

    /** The labels, in registration order. */
    public List<String> labels() {
        return all.stream().map(ConfigFormat::label).toList();
    }
}
