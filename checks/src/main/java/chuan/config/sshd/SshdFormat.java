package chuan.config.sshd;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** OpenSSH's server: {@code /etc/ssh/sshd_config} and its includes, with the installed release's defaults. */
public final class SshdFormat implements ConfigFormat {

    @Override
    public String label() {
        return "sshd";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/ssh/sshd_config");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return read(root, versions);
    }

    /** The configuration as the installed release of sshd reads it (9.2's rules when the version is unknown). */
    static SshdConfig read(SystemRoot root, InstalledVersions versions) {
        return SshdConfig.read(root, SshdDefaults.forVersion(versions.get("sshd").map(InstalledVersions.Installed::version).orElse(null)));
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new SshdView());
    }
}
