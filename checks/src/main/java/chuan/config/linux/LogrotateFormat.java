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

/** logrotate: {@code /etc/logrotate.conf} and what it includes. */
public final class LogrotateFormat implements ConfigFormat {

    @Override
    public String label() {
        return "logrotate";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/logrotate.conf");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return LogrotateConfig.read(root);
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
