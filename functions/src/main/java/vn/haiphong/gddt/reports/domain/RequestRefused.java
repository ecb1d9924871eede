package vn.haiphong.gddt.reports.domain;

/** Thrown where a request must be refused; the handler turns it into problem+json. */
public final class RequestRefused extends RuntimeException {
    private final Problem problem;
    private final String detail;
    private final java.util.Optional<java.time.Duration> retryAfter;

    public RequestRefused(Problem problem) {
        this(problem, problem.detail());
    }

    public RequestRefused(Problem problem, String detail) {
        this(problem, detail, java.util.Optional.empty());
    }

    /** A refusal that ends by itself: the answer says when to try again ({@code Retry-After}). */
    public RequestRefused(Problem problem, java.time.Duration retryAfter) {
        this(problem, problem.detail(), java.util.Optional.of(retryAfter));
    }

    private RequestRefused(Problem problem, String detail, java.util.Optional<java.time.Duration> retryAfter) {
        super(problem.code(), null, false, false);
        this.problem = problem;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
