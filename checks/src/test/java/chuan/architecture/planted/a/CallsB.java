package chuan.architecture.planted.a;

/** A planted violation for ArchitectureTest: a depends on b, which depends on a. */
public class CallsB {
    public int size(chuan.architecture.planted.b.CallsA other) {
        return other.hashCode();
    }
}
