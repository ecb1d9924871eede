package vn.haiphong.gddt.reports.domain;

/** Thrown where a request must be refused; the handler turns it into problem+json. */
public final class RequestRefused extends RuntimeException {
    private final Problem problem;
    private final String detail;

    public RequestRefused(Problem problem) {
        this(problem, problem.detail());
    }

    public RequestRefused(Problem problem, String detail) {
        super(problem.code(), null, false, false);
        this.problem = problem;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
