package chuan.config.files;

import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secrets written into a file of any format: private keys, cloud and forge tokens, connection
 * strings with a password, and passwords, secrets or keys assigned a literal value, which count
 * when they are a well-known default or look random (at least 8 characters and 3 bits of entropy
 * per character); references such as {@code ${DB_PASSWORD}} are not secrets. The key is a detector's
 * name, or {@code any}; each hit is a scope whose value is the secret (masked in reports).
 */
public final class SecretsFile extends ReadConfig {

    /** One kind of secret: its name, what it is, and the pattern whose group 1 (or whole match) is the secret. */
    private record Detector(String name, String what, Pattern pattern) {
    }

    private static final List<Detector> DETECTORS = List.of(
            new Detector("private-key", "a private key",
                    Pattern.compile("(-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)")),
            new Detector("cloud-key", "a cloud access key", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b")),
            new Detector("token", "an access token", Pattern.compile(
                    "\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,}|glpat-[A-Za-z0-9_-]{20,}|xox[baprs]-[A-Za-z0-9-]{10,}"
                            + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})")),
            new Detector("connection-string", "a connection string with a password",
                    Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@\"']+:([^\\s@/\"']+)@[^\\s\"']+")),
            // the key ends with the secret's name (db.password, API_KEY), so password_encryption or password.file do not count
            new Detector("password", "a password or secret assigned a value", Pattern.compile(
                    "(?i)(?:^|[^A-Za-z0-9])[A-Za-z0-9_.-]*(?:password|passwd|passwort|pwd|secret|token|api[_-]?key|apikey|access[_-]?key"
                            + "|private[_-]?key|secret[_-]?key|client[_-]?secret)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;<>]+)")));

    /** Defaults that products ship with and attackers try first. */
    private static final Set<String> DEFAULTS = Set.of("admin", "password", "passw0rd", "123456", "12345678", "changeme",
            "changeit", "secret", "root", "toor", "tomcat", "s3cret", "manager", "guest", "default", "letmein", "qwerty");

    private final String file;
    private final List<String> lines;

    SecretsFile(String file, String text) {
        super(file);
        filesRead.add(file);
        this.file = file;
        this.lines = text.lines().toList();
    }

    @Override
    public List<Scoped> lookup(String key) {
        List<Scoped> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 4096) {
                line = line.substring(0, 4096); // minified blobs: the first 4 KiB of a line is enough to find an assignment
            }
            boolean comment = isComment(line);
            for (Detector d : DETECTORS) {
                if (!key.equals("any") && !key.equals(d.name())) {
                    continue;
                }
                if (comment && (d.name().equals("password") || d.name().equals("connection-string"))) {
                    continue; // commented assignments are mostly documentation ("# input_password = secret")
                }
                Matcher m = d.pattern().matcher(line);
                while (m.find()) {
                    String secret = m.group(1);
                    if (counts(d, secret)) {
                        Directive at = new Directive(d.name(), secret, file, i + 1);
                        out.add(new Scoped(null, new EffectiveSetting(d.name(), secret, at, List.of()), d.what()));
                    }
                }
            }
        }
        return out;
    }

    private static boolean counts(Detector d, String secret) {
        if (!d.name().equals("password") && !d.name().equals("connection-string")) {
            return true;
        }
        for (Detector specific : DETECTORS.subList(0, 3)) {
            if (specific.pattern().matcher(secret).find()) {
                return false; // a key or token assigned to a password-like name: reported once, as what it is
            }
        }
        if (secret.startsWith("$") || secret.startsWith("%") || secret.startsWith("{{") || secret.startsWith("ENC(")
                || secret.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X')) {
            return false; // a reference to where the secret really is, or a placeholder
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (DEFAULTS.contains(lower)) {
            return true;
        }
        if (Set.of("true", "false", "null", "none", "required", "optional", "yes", "no").contains(lower)) {
            return false;
        }
        // looks random: long enough, varied enough, and more than one kind of character ("filepath" is a word)
        return secret.length() >= 8 && entropy(secret) >= 3.0 && classes(secret) >= 2;
    }

    private static int classes(String s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : s.toCharArray()) {
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            other |= !Character.isLetterOrDigit(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static boolean isComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("#") || t.startsWith(";") || t.startsWith("//") || t.startsWith("<!--") || t.startsWith("*");
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }



}
