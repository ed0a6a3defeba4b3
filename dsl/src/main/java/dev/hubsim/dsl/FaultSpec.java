package dev.hubsim.dsl;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.fault.FaultAction;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The block of {@code fault { ... }} in {@code simulator { }}: which requests a fault matches, how often it fires, and
 * what it does.
 * <pre>{@code
 * fault { on 'blob-upload'; times 2; status 503 }
 * fault { on 'manifest-get'; repository 'library/*'; latency 2.seconds }
 * }</pre>
 */
public final class FaultSpec {
    private final FaultRule.Builder rule = FaultRule.when();
    private FaultAction action;
    private Integer status;
    private RegistryErrorCode code;
    private Duration retryAfter;

    FaultSpec() {
    }

    /** The operation it matches: token, manifest-get, manifest-put, blob-get, blob-upload, hub-api or other. */
    public void on(String operation) {
        rule.operation(Operation.byWireName(operation).orElseThrow(() -> new DslException("unknown operation '"
                + operation + "': use one of " + Operation.wireNames())));
    }

    /** The repositories it matches: a name or a glob such as {@code library/*}. */
    public void repository(String glob) {
        rule.repository(glob);
    }

    /** The HTTP method it matches. */
    public void method(String method) {
        rule.method(method);
    }

    /** The paths it matches, a glob such as {@code /v2/**}{@code /blobs/*}. */
    public void path(String glob) {
        rule.path(glob);
    }

    /** Fires at most {@code n} times. */
    public void times(int n) {
        rule.times(n);
    }

    /** Fires once. */
    public void once() {
        rule.once();
    }

    /** Lets the first {@code k} matching requests through. */
    public void after(int k) {
        rule.after(k);
    }

    /** Fires with this probability, the same way on every run (a fixed seed). */
    public void probability(double probability) {
        rule.probability(probability, 0);
    }

    /** Answers with this HTTP status (and the registry error code of that status). */
    public void status(int status) {
        this.status = status;
    }

    /** The registry error code to answer with, e.g. {@code 'TOOMANYREQUESTS'}. */
    public void code(String code) {
        this.code = RegistryErrorCode.byName(code.trim().toUpperCase(Locale.ROOT)).orElseThrow(() -> new DslException(
                "unknown registry error code '" + code + "': use one of " + Arrays.toString(RegistryErrorCode.values())));
    }

    /** Sends {@code Retry-After} with the answer. */
    public void retryAfter(Duration delay) {
        this.retryAfter = delay;
    }

    /** Delays the answer. */
    public void latency(Duration delay) {
        action = new FaultAction.Latency(delay);
    }

    /** Resets the connection before answering. */
    public void reset() {
        action = new FaultAction.Reset(0);
    }

    /** Cuts the body after {@code bytes}. */
    public void truncateAfter(long bytes) {
        action = new FaultAction.Truncate(bytes);
    }

    FaultRule build() {
        if (status != null || code != null) {
            if (action != null) {
                throw new DslException("a fault does one thing: a status, or latency, reset or truncateAfter, not both");
            }
            RegistryErrorCode chosen = code != null ? code : codeOf(status);
            return rule.respond(status != null ? status : chosen.httpStatus(), chosen, retryAfter);
        }
        if (action == null) {
            throw new DslException("a fault needs an action: status 503, latency 2.seconds, reset() or truncateAfter 100");
        }
        return rule.action(action);
    }

    private static RegistryErrorCode codeOf(int status) {
        if (status == 503) {
            return RegistryErrorCode.UNAVAILABLE;
        }
        return Arrays.stream(RegistryErrorCode.values()).filter(c -> c.httpStatus() == status).findFirst()
                .orElse(RegistryErrorCode.UNKNOWN);
    }
}
