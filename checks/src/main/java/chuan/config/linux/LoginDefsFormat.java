package chuan.config.linux;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** shadow-utils' {@code /etc/login.defs}: the last line for a name wins, the documented defaults for the others. */
public final class LoginDefsFormat implements ConfigFormat {

    @Override
    public String label() {
        return "login.defs";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/login.defs");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return LoginDefs.read(root);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new LoginDefsView());
    }
}
