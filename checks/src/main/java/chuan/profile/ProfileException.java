package chuan.profile;

import java.util.List;

/** A profile could not be used; carries every problem found, each with its file position. */
public final class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<ProfileProblem> problems;

    public ProfileException(List<ProfileProblem> problems) {
        super(problems.isEmpty() ? "invalid profile" : problems.get(0).oneLine());
        this.problems = List.copyOf(problems);
    }

    public ProfileException(ProfileProblem problem) {
        this(List.of(problem));
    }

    public List<ProfileProblem> problems() {
        return problems;
    }
}
