package chuan.config;

import java.util.List;

/**
 * A configuration as its program reads it, asked one key at a time. A key can be in force in more
 * than one scope (sshd's global settings and each {@code Match} block, each nginx {@code server},
 * each Apache {@code VirtualHost}, each logrotate stanza); {@link #lookup} gives every scope where the
 * key has a value of its own or inherits one, deduplicated by the line that set it.
 */
public interface EffectiveConfig {

    /**
     * The key in force in one scope; {@code scope} is null for the global one. {@code note} says why
     * a key has no value when that needs saying (a PAM module missing from the stack).
     */
    record Scoped(String scope, EffectiveSetting setting, String note) {
        public Scoped(String scope, EffectiveSetting setting) {
            this(scope, setting, null);
        }
    }

    /**
     * Where the key is in force. A key set nowhere gives one global entry with the program's default
     * (value null when no default is known); never an empty list, except for keys that exist only
     * where something is written (secrets, matching lines), where empty means none.
     */
    List<Scoped> lookup(String key);

    /** The system path of the main file: where a key left at its default should be set. */
    String mainFile();

    /** The system paths of the files read, in reading order. */
    List<String> filesRead();

    /** What kept part of it from being read: missing includes, loops, malformed lines. */
    List<ConfigProblem> problems();

    /** A global-only configuration's lookup: the one effective setting, or an unset one. */
    static List<Scoped> global(String key, java.util.Optional<EffectiveSetting> setting) {
        return List.of(new Scoped(null, setting.orElse(new EffectiveSetting(key, null, null, List.of()))));
    }
}
