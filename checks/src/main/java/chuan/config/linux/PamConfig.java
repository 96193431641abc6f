package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.IncludedFiles;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One PAM service asked by key: {@code "TYPE MODULE"} (is the module in that part of the stack, and
 * with which arguments) or {@code "TYPE MODULE ARGUMENT"} (the argument's value). A module argument
 * beats the module's own configuration file ({@code /etc/security/pwquality.conf} and its
 * {@code .d} drop-ins, {@code faillock.conf}, {@code pwhistory.conf}), which beats the module's
 * built-in default: the order the modules themselves use.
 */
public final class PamConfig extends ReadConfig {

    /** A module's own settings file and built-in defaults (pam_pwquality(8), pam_faillock(8), pam_pwhistory(8)). */
    private record ModuleConfig(String file, String dropIns, Map<String, String> defaults) {
    }

    private static final Map<String, ModuleConfig> MODULES = Map.of(
            "pam_pwquality", new ModuleConfig("/etc/security/pwquality.conf", "/etc/security/pwquality.conf.d",
                    Map.of("minlen", "8", "minclass", "0", "dcredit", "0", "ucredit", "0", "lcredit", "0", "ocredit", "0",
                            "difok", "1", "maxrepeat", "0", "retry", "1")),
            "pam_faillock", new ModuleConfig("/etc/security/faillock.conf", null,
                    Map.of("deny", "3", "unlock_time", "600", "fail_interval", "900")),
            "pam_pwhistory", new ModuleConfig("/etc/security/pwhistory.conf", null, Map.of("remember", "10")));

    private final SystemRoot root;
    private final PamStack stack;
    private final Map<String, Map<String, Directive>> moduleFiles = new LinkedHashMap<>();

    private PamConfig(SystemRoot root, PamStack stack) {
        super(PamStack.DIRECTORY + "/" + stack.service());
        this.root = root;
        this.stack = stack;
        problems.addAll(stack.problems());
        filesRead.addAll(stack.filesRead());
    }

    public static PamConfig read(SystemRoot root, String service) {
        return new PamConfig(root, PamStack.read(root, service));
    }

    @Override
    public List<Scoped> lookup(String key) {
        String[] parts = key.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("a PAM key is \"TYPE MODULE [ARGUMENT]\", not \"" + key + "\"");
        }
        String type = parts[0];
        String module = parts[1].endsWith(".so") ? parts[1].substring(0, parts[1].length() - 3) : parts[1];
        Optional<PamStack.Rule> rule = stack.find(type, module);
        if (rule.isEmpty()) {
            return List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of()),
                    module + ".so is not in the " + type + " stack of " + mainFile()));
        }
        PamStack.Rule r = rule.get();
        if (parts.length == 2) {
            return List.of(new Scoped(null, new EffectiveSetting(key, String.join(" ", r.args()), r.from(), List.of())));
        }
        String arg = parts[2];
        Optional<String> own = r.arg(arg);
        if (own.isPresent()) {
            String value = own.get().isEmpty() ? "yes" : own.get(); // a bare flag (nullok) is on
            return List.of(new Scoped(null, new EffectiveSetting(key, value, r.from(), List.of())));
        }
        ModuleConfig mc = MODULES.get(module);
        if (mc != null) {
            Directive d = moduleSettings(module, mc).get(arg);
            if (d != null) {
                return List.of(new Scoped(null, new EffectiveSetting(key, d.value(), d, List.of())));
            }
            String def = mc.defaults().get(arg);
            if (def != null) {
                return List.of(new Scoped(null, new EffectiveSetting(key, def, null, List.of()),
                        module + ".so's default, set neither at " + r.from().origin() + " nor in " + mc.file()));
            }
        }
        return List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of()),
                "not set on " + module + ".so at " + r.from().origin()));
    }

    /** {@code name = value} lines of the module's file, then its drop-ins in name order; the last line wins. */
    private Map<String, Directive> moduleSettings(String module, ModuleConfig mc) {
        return moduleFiles.computeIfAbsent(module, m -> {
            Map<String, Directive> out = new LinkedHashMap<>();
            List<String> files = new ArrayList<>(List.of(mc.file()));
            if (mc.dropIns() != null) {
                try {
                    root.glob(mc.dropIns(), "*.conf").ifPresent(names -> names.forEach(files::add));
                } catch (IOException e) {
                    problems.add(ConfigProblem.unreadable(mc.dropIns(), 0, "cannot list: " + IncludedFiles.reason(e)));
                }
            }
            for (String f : files) {
                readSettings(f, out);
            }
            return out;
        });
    }

    private void readSettings(String systemPath, Map<String, Directive> out) {
        Optional<Path> disk = root.resolve(systemPath, "/");
        if (disk.isEmpty() || !SystemRoot.exists(disk.get())) {
            return;
        }
        List<String> lines;
        try {
            lines = new String(root.read(disk.get()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            problems.add(ConfigProblem.unreadable(systemPath, (e instanceof SystemRoot.NotRead ? "" : "cannot read: ")
                    + IncludedFiles.reason(e)));
            return;
        }
        filesRead.add(systemPath);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? name : line.substring(eq + 1).strip(); // a bare word is a flag
            out.put(name, new Directive(name, value, systemPath, i + 1));
        }
    }



}
