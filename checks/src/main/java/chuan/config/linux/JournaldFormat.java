package chuan.config.linux;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.KeyLookupView;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** systemd-journald: {@code journald.conf} and its drop-ins, as systemd.conf(5) orders them. */
public final class JournaldFormat implements ConfigFormat {

    @Override
    public String label() {
        return "journald";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/systemd/journald.conf");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return SystemdConf.read(root, "journald", SystemdConf.JOURNALD);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new KeyLookupView(this, EffectiveView.Needs.KEY));
    }
}
