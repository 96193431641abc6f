package chuan.config.linux;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** Kernel parameters set at boot: the sysctl.d folders as systemd-sysctl reads them ({@code /etc/sysctl.conf} through its link). */
public final class SysctlFormat implements ConfigFormat {

    @Override
    public String label() {
        return "sysctl";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/sysctl.conf", "etc/sysctl.d");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return SysctlConfig.read(root);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new SysctlView());
    }
}
