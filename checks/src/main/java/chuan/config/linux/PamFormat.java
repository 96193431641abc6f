package chuan.config.linux;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/**
 * PAM: the service files a control names ({@code etc/pam.d/common-auth}), each read as libpam builds
 * its stack; a key is {@code TYPE MODULE [ARGUMENT]}.
 */
public final class PamFormat implements ConfigFormat {

    @Override
    public String label() {
        return "pam";
    }

    @Override
    public List<String> markers() {
        return List.of();
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return PamConfig.read(root, systemPath.substring(systemPath.lastIndexOf('/') + 1));
    }

    @Override
    public Optional<String> keyProblem(String key) {
        return key.strip().split("\\s+").length < 2
                ? Optional.of("a PAM key is \"TYPE MODULE [ARGUMENT]\", e.g. \"password pam_pwquality.so minlen\"") : Optional.empty();
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new PamView());
    }
}
