package chuan.architecture.planted;

/** A planted violation for ArchitectureTest: engine code calling up into the facade that sits on top of it. */
public class UsesTheFacade {
    public int rules() {
        return new chuan.api.Chuan("test").rules().size();
    }
}
