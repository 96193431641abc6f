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

/** Login shells' profile: plain variable assignments in {@code /etc/profile}, {@code bash.bashrc} and {@code profile.d} (the shell is not run). */
public final class ShellFormat implements ConfigFormat {

    @Override
    public String label() {
        return "shell";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/profile");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return ShellProfile.read(root);
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
