package dev.hubsim.junit;

import dev.hubsim.simulator.auth.AuthMode;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a fake Docker Hub: the simulator starts once for the class on a free 127.0.0.1 port and
 * its state is reset before every test (unless {@link #keepState()}). Test and lifecycle methods may take a
 * {@link dev.hubsim.core.DockerHubClient}, a {@link SimulatorHandle} and a {@link HubsimRuntimeInfo} as parameters.
 * <pre>{@code
 * @DockerHubSimulation(users = "alice:secret-pw")
 * class PublishTest {
 *     @Test
 *     void publishes(DockerHubClient client, SimulatorHandle simulator) { ... }
 * }
 * }</pre>
 * The target can be changed for a whole run with {@code -Dhubsim.target=live} or {@code HUBSIM_TARGET=live} (the
 * property wins). For settings computed in code, register {@link DockerHubSimulationExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerHubSimulationExtension.class)
public @interface DockerHubSimulation {
    /** What answers the requests, unless the run overrides it (default {@link dev.hubsim.junit.Target#MOCK}). */
    dev.hubsim.junit.Target target() default dev.hubsim.junit.Target.MOCK;

    /**
     * The recording directory for REPLAY, RECORD and SPY, relative to the working directory (default
     * {@code src/test/resources/hubsim/<simple name of the test class>}).
     */
    String recording() default "";

    /** TOKEN: bearer tokens and 401 challenges as Docker Hub (default); NONE: an open registry. */
    AuthMode auth() default AuthMode.TOKEN;

    /** Accounts as {@code NAME:PASSWORD}; the injected client logs in as the first one. */
    String[] users() default {};

    /**
     * Pull limits: {@code docker-hub}, {@code docker-hub-hourly}, {@code unlimited} or a spec such as
     * {@code anonymous=3/1h,authenticated=5/1h} (default: Docker Hub's limits with token auth, none without).
     */
    String rateLimit() default "";

    /** A YAML or JSON seed file (users, organisations, repositories, images, faults), relative to the working directory. */
    String seed() default "";

    /** In REPLAY, fail a test on a request the recording does not hold (default true). */
    boolean strict() default true;

    /** Keep state from one test to the next instead of resetting before each test (default false). */
    boolean keepState() default false;
}
