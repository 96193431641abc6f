package chuan.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads resources listed in an {@code index.txt}, since a jar cannot list its own folders. */
public final class ClasspathIndex {

    private ClasspathIndex() {
    }

    /** The resource names listed in {@code folder/index.txt}, blank lines and comments dropped. */
    public static List<String> list(String folder) {
        List<String> names = new ArrayList<>();
        try (InputStream in = open(folder + "/index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    names.add(folder + "/" + t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    public static InputStream open(String resource) {
        InputStream in = ClasspathIndex.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing built-in resource " + resource);
        }
        return in;
    }
}
