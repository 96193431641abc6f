package chuan.config;

/** Which values of a configuration format are secrets: masked in every output unless revealed. */
public enum SecretPolicy {

    /** The keys are settings, about passwords at most (PasswordAuthentication, PAM's minlen): nothing is masked for its key. */
    SETTINGS,

    /** A key named like a password, token or secret ({@code spring.datasource.password}) holds it: its values are masked. */
    NAMED_KEYS,

    /** Every value is a secret found in the files, and the key names the detector that found it: always masked. */
    EVERY_VALUE;

    /** Whether the values of this key are masked. */
    public boolean masks(String key) {
        return switch (this) {
            case SETTINGS -> false;
            case NAMED_KEYS -> SecretKeys.isSecret(key);
            case EVERY_VALUE -> true;
        };
    }

    /** Whether a value is said with its key ({@code PermitRootLogin yes}); a found secret is said alone. */
    public boolean saysKey() {
        return this != EVERY_VALUE;
    }
}
