package chuan.config.check;

import chuan.config.EffectiveConfig;
import chuan.config.InstalledVersions;
import chuan.config.SystemRoot;
import chuan.config.apache.ApacheConfig;
import chuan.config.files.FileFormats;
import chuan.config.linux.LoginDefs;
import chuan.config.linux.LogrotateConfig;
import chuan.config.linux.NtpConfig;
import chuan.config.linux.PamConfig;
import chuan.config.linux.ShellProfile;
import chuan.config.linux.SysctlConfig;
import chuan.config.linux.SystemdConf;
import chuan.config.nginx.NginxConfig;
import chuan.config.sshd.SshdConfig;

/** Reads a configuration of a format inside a system root, the way its program does. */
public final class ConfigReaders {

    private ConfigReaders() {
    }

    /** {@code systemPath} is the file a file format reads, or the PAM service file; daemons know their own. */
    public static EffectiveConfig read(SystemRoot root, ConfigFormat format, String systemPath) {
        return read(root, format, systemPath, null);
    }

    /**
     * As {@link #read(SystemRoot, ConfigFormat, String)}, with the program versions whose defaults apply
     * (null: those the root's package database names).
     */
    public static EffectiveConfig read(SystemRoot root, ConfigFormat format, String systemPath, InstalledVersions versions) {
        return switch (format) {
            case SSHD -> SshdConfig.read(root, chuan.config.sshd.SshdDefaults.forVersion(
                    (versions == null ? InstalledVersions.read(root, java.util.Map.of()) : versions).get("sshd")
                            .map(InstalledVersions.Installed::version).orElse(null)));
            case NGINX -> versions == null ? NginxConfig.read(root) : NginxConfig.read(root, versions);
            case APACHE -> ApacheConfig.read(root);
            case LOGIN_DEFS -> LoginDefs.read(root);
            case SYSCTL -> SysctlConfig.read(root);
            case PAM -> PamConfig.read(root, systemPath.substring(systemPath.lastIndexOf('/') + 1));
            case JOURNALD -> SystemdConf.read(root, "journald", SystemdConf.JOURNALD);
            case LOGROTATE -> LogrotateConfig.read(root);
            case NTP -> NtpConfig.read(root);
            case SHELL -> ShellProfile.read(root);
            case PROPERTIES, YAML, JSON, INI, ENV, XML, LINES, SECRETS -> FileFormats.read(root, format.label(), systemPath);
        };
    }
}
