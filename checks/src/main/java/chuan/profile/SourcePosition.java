package chuan.profile;

/** A 1-based line and column in a profile or other text file. */
public record SourcePosition(long line, long column) {
}
