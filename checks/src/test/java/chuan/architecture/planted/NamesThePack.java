package chuan.architecture.planted;

/** A planted violation for ArchitectureTest: engine code naming the built-in pack instead of asking the registry. */
public class NamesThePack {
    public String id() {
        return new chuan.standard.vn.VnPack().id();
    }
}
