package dev.hubsim.dsl;

import dev.hubsim.dsl.internal.Closures;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The base class of every hubsim script: the top-level keywords. {@link ScriptRunner} compiles scripts against it.
 * <pre>{@code
 * simulator { user 'alice', password: 'secret' }
 * dockerhub {
 *     login 'alice', 'secret'
 *     push image('alice/app:1') { layer bytes(5.MB) }
 *     expect tags('alice/app') == ['1']
 * }
 * }</pre>
 */
public abstract class DockerHubScript extends Script {
    private RunContext context;

    void attach(RunContext runContext) {
        this.context = runContext;
    }

    private RunContext context() {
        return Objects.requireNonNull(context, "run scripts with ScriptRunner");
    }

    /** Drives Docker Hub (or whatever the target is): push, pull, tag, delete, check. */
    public void dockerhub(@DelegatesTo(value = DockerHubSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        Closures.configure(block, new DockerHubSpec(context()));
    }

    /** Drives Docker Hub (Java form). */
    public void dockerhub(Consumer<DockerHubSpec> block) {
        block.accept(new DockerHubSpec(context()));
    }

    /** Sets up the mock: users, repositories, images, rate limits, faults, time. Refused against other targets. */
    public void simulator(@DelegatesTo(value = SimulatorSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        simulator(spec -> Closures.configure(block, spec));
    }

    /** Sets up the mock (Java form). */
    public void simulator(Consumer<SimulatorSpec> block) {
        block.accept(new SimulatorSpec(context(), context().simulator("simulator { }")));
    }

    /** The target this run is against: {@code mock}, {@code replay}, {@code record} or {@code live}. */
    public String getTarget() {
        return context().target().label();
    }

    /** An environment variable; fails naming it when it is not set. */
    public String env(String name) {
        String value = context().environment().get(name);
        if (value == null) {
            throw new DslException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** An environment variable, or {@code fallback} when it is not set. */
    public String env(String name, String fallback) {
        return context().environment().getOrDefault(name, fallback);
    }

    /** A parameter given as {@code --param NAME=VALUE}; fails naming it when it was not given. */
    public String param(String name) {
        String value = context().params().get(name);
        if (value == null) {
            throw new DslException("parameter " + name + " was not given: add --param " + name + "=VALUE");
        }
        return value;
    }

    /** A parameter, or {@code fallback} when it was not given. */
    public String param(String name, String fallback) {
        return context().params().getOrDefault(name, fallback);
    }

    /** Every parameter given. */
    public Map<String, String> getParams() {
        return context().params();
    }

    /** Fails the run (exit status 1) when {@code condition} is false; a statement {@code expect x == y} shows the values. */
    public void expect(Object condition) {
        expect(condition, "expectation failed");
    }

    /** Fails the run with {@code message} when {@code condition} is false. */
    public void expect(Object condition, String message) {
        if (!org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation.castToBoolean(condition)) {
            throw new ExpectationFailedException(message);
        }
    }

    /** Runs the block, expecting it to fail; returns the failure, e.g. to check its message. */
    public Throwable expectFailure(Closure<?> block) {
        try {
            block.call();
        } catch (ExpectationFailedException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            return e;
        }
        throw new ExpectationFailedException("expected the block to fail, but it succeeded");
    }

    /** Runs the block up to {@code attempts} times until it succeeds; returns its result or throws its last failure. */
    public Object retry(int attempts, Closure<?> block) {
        return retry(Map.of("attempts", attempts), block);
    }

    /** As {@link #retry(int, Closure)} with named arguments: {@code retry(attempts: 3, delay: 100.ms) { ... }}. */
    public Object retry(Map<String, ?> args, Closure<?> block) {
        DockerHubSpec.checkKeys("retry", args, java.util.Set.of("attempts", "delay"));
        int attempts = args.get("attempts") == null ? 3 : ((Number) args.get("attempts")).intValue();
        Duration delay = args.get("delay") == null ? Duration.ZERO : (Duration) args.get("delay");
        if (attempts < 1) {
            throw new DslException("retry needs at least 1 attempt, got " + attempts);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return block.call(attempt);
            } catch (ExpectationFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                sleep(delay);
            }
        }
    }

    /** One hour, for {@code 10.per(hour)}. */
    public Duration getHour() {
        return Duration.ofHours(1);
    }

    /** One minute, for {@code 30.per(minute)}. */
    public Duration getMinute() {
        return Duration.ofMinutes(1);
    }

    /** One day, for {@code 1000.per(day)}. */
    public Duration getDay() {
        return Duration.ofDays(1);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DslException("interrupted while waiting to retry");
        }
    }
}
