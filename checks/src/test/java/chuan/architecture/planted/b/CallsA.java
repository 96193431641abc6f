package chuan.architecture.planted.b;

/** A planted violation for ArchitectureTest: b depends on a, which depends on b. */
public class CallsA {
    public int size(chuan.architecture.planted.a.CallsB other) {
        return other.hashCode();
    }
}
