package dev.hubsim.simulator.fault;

import dev.hubsim.core.error.RegistryErrorCode;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One fault: which requests it matches, when it fires, and its {@link FaultAction}. Every criterion given must match
 * (method, {@link Glob} path, repository glob, {@link Operation}); a rule without criteria matches every request
 * outside the admin API. Among the matches, the first {@code after} are skipped, then it fires at most {@code times}
 * times (null: no limit), each time with {@code probability} drawn from a generator seeded with {@code seed}, so the
 * same rule and the same requests give the same decisions. Build one with {@link #when()}:
 * <pre>{@code
 * FaultRule.when().operation(Operation.BLOB_GET).repository("library/*").once().truncateAfter(100)
 * }</pre>
 */
public record FaultRule(String id, String method, Glob path, Glob repository, Operation operation, Integer times,
                        int after, double probability, long seed, FaultAction action) {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public FaultRule {
        if (id != null && (id.isBlank() || !id.matches("[A-Za-z0-9._-]+"))) {
            throw new IllegalArgumentException("id must be letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        if (method != null) {
            method = method.trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("method must be one of " + String.join(", ", METHODS.stream().sorted()
                        .toList()) + ", got '" + method + "'");
            }
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be 1 or more (leave it out for no limit), got " + times);
        }
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or more, got " + after);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be more than 0 and at most 1, got " + probability);
        }
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
    }

    /** Starts a rule that matches every request, fires every time and has no id yet. */
    public static Builder when() {
        return new Builder();
    }

    /** True when every criterion given matches this request. */
    public boolean matches(RequestTarget target) {
        return (method == null || method.equals(target.method()))
                && (path == null || path.matches(target.path()))
                && (repository == null || repository.matches(target.repository()))
                && (operation == null || operation == target.operation());
    }

    /** The same rule under another id. */
    public FaultRule withId(String newId) {
        return new FaultRule(newId, method, path, repository, operation, times, after, probability, seed, action);
    }

    /** Collects the criteria and trigger of a rule; the action method at the end makes the rule. */
    public static final class Builder {
        private String id;
        private String method;
        private Glob path;
        private Glob repository;
        private Operation operation;
        private Integer times;
        private int after;
        private double probability = 1;
        private long seed;

        private Builder() {
        }

        /** A chosen id (default: given when the rule is added). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** A {@link Glob} over the path, e.g. {@code /v2/**}{@code /blobs/*}. */
        public Builder path(String glob) {
            this.path = Glob.of(glob);
            return this;
        }

        /** A repository name or {@link Glob}, e.g. {@code alice/app} or {@code library/*}. */
        public Builder repository(String glob) {
            this.repository = Glob.of(glob);
            return this;
        }

        public Builder operation(Operation operation) {
            this.operation = operation;
            return this;
        }

        /** Fires on the first match only. */
        public Builder once() {
            return times(1);
        }

        /** Fires on at most {@code n} matches. */
        public Builder times(int n) {
            this.times = n;
            return this;
        }

        /** Skips the first {@code k} matches. */
        public Builder after(int k) {
            this.after = k;
            return this;
        }

        /** Fires on a match with this probability, drawn from a generator seeded with {@code seed}. */
        public Builder probability(double probability, long seed) {
            this.probability = probability;
            this.seed = seed;
            return this;
        }

        /** Answers with the code's usual status and message. */
        public FaultRule respond(RegistryErrorCode code) {
            return respond(code.httpStatus(), code);
        }

        public FaultRule respond(int status, RegistryErrorCode code) {
            return action(new FaultAction.Respond(status, code, null, null));
        }

        /** Answers with a {@code Retry-After} header (whole seconds). */
        public FaultRule respond(int status, RegistryErrorCode code, Duration retryAfter) {
            return action(new FaultAction.Respond(status, code, null, retryAfter));
        }

        public FaultRule latency(Duration delay) {
            return action(new FaultAction.Latency(delay));
        }

        /** Resets the connection before anything is sent. */
        public FaultRule reset() {
            return resetAfter(0);
        }

        public FaultRule resetAfter(long bytes) {
            return action(new FaultAction.Reset(bytes));
        }

        public FaultRule throttle(long bytesPerSecond) {
            return action(new FaultAction.Throttle(bytesPerSecond));
        }

        public FaultRule truncateAfter(long bytes) {
            return action(new FaultAction.Truncate(bytes));
        }

        public FaultRule digestMismatch() {
            return action(new FaultAction.DigestMismatch());
        }

        /** Any action. */
        public FaultRule action(FaultAction action) {
            return new FaultRule(id, method, path, repository, operation, times, after, probability, seed, action);
        }
    }
}
