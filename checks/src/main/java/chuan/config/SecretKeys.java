package chuan.config;

import java.util.regex.Pattern;

/** Keys whose values are secrets (passwords, tokens, keys): their values are masked in every output. */
public final class SecretKeys {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|credential|auth[-_.]?key"
                    + "|client[-_.]?secret|jwt|session[-_.]?key).*");

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        return key != null && SECRET.matcher(key).matches();
    }
}
