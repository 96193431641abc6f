package chuan.fuzz;

import java.util.Arrays;

/**
 * One fuzz input as two files: the main file, and after the first scissors line the file it
 * includes (a drop-in, an included file, a second application file). Seeds stay readable text.
 */
record TwoFiles(byte[] main, byte[] second) {

    static final byte[] SCISSORS = "\n--8<--\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static TwoFiles split(byte[] data) {
        int at = indexOf(data, SCISSORS);
        if (at < 0) {
            return new TwoFiles(data, null);
        }
        return new TwoFiles(Arrays.copyOfRange(data, 0, at + 1), Arrays.copyOfRange(data, at + SCISSORS.length, data.length));
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
