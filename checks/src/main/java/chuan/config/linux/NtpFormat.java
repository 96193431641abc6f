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

/** Time synchronisation: chrony, else ntpd or ntpsec, else systemd-timesyncd. */
public final class NtpFormat implements ConfigFormat {

    @Override
    public String label() {
        return "ntp";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/chrony/chrony.conf", "etc/chrony.conf", "etc/systemd/timesyncd.conf", "etc/ntp.conf",
                "etc/ntpsec/ntp.conf");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return NtpConfig.read(root);
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
