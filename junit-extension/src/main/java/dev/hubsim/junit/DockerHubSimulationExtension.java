package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.journal.JournalEntry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JUnit extension behind {@link DockerHubSimulation}; register it yourself for settings made in code:
 * <pre>{@code
 * @RegisterExtension
 * static DockerHubSimulationExtension hub = DockerHubSimulationExtension.builder()
 *         .users("alice:secret-pw").rateLimit("anonymous=3/1h").build();
 * }</pre>
 * In a static field it serves the class (one simulator, reset before each test); in an instance field each test gets
 * its own. All state lives in the {@link ExtensionContext.Store}, so test classes running in parallel share nothing.
 * When a test fails, the simulator's journal is written to {@code target/hubsim/<class>/<test>-journal.json} and the
 * failure names the file; under RECORD and SPY it also names the recording, which keeps what was recorded so far. Under
 * REPLAY with {@code strict}, a test that sent requests the recording does not hold fails, naming for each the nearest
 * recorded request and what differs.
 */
public final class DockerHubSimulationExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DockerHubSimulationExtension.class);
    private static final String SESSION = "session";
    private static final String CLIENT = "client";
    private static final Set<Class<?>> INJECTED = Set.of(DockerHubClient.class, SimulatorHandle.class,
            HubsimRuntimeInfo.class);

    /** Null when JUnit made this instance for {@link DockerHubSimulation}: the annotation is read then. */
    private final SimulationSettings settings;

    /** For {@link DockerHubSimulation}; use {@link #builder()} in code. */
    public DockerHubSimulationExtension() {
        this(null);
    }

    private DockerHubSimulationExtension(SimulationSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session(context).beforeEach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Optional<TargetSession> session = existingSession(context);
        if (session.isEmpty()) {
            return;
        }
        try {
            session.get().afterEach();
        } catch (AssertionError failure) {
            if (context.getExecutionException().isEmpty()) {
                keepEvidence(context, session.get(), failure);
            }
            throw failure;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TargetSession session = session(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DockerHubClient.class) {
            return client(session, context);
        }
        if (type == HubsimRuntimeInfo.class) {
            return session.info();
        }
        return session.simulator().orElseThrow(() -> new ParameterResolutionException("no SimulatorHandle under target "
                + session.info().target() + ": requests go to " + session.info().registryUrl() + " directly. Take "
                + "HubsimRuntimeInfo to see the target, or leave the simulator out of tests that also run live."));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        existingSession(context).ifPresent(session -> keepEvidence(context, session, failure));
        throw failure;
    }

    /** Keeps the journal of a failed test and says in the failure where it is, and where the recording is. */
    private static void keepEvidence(ExtensionContext context, TargetSession session, Throwable failure) {
        Optional<SimulatorHandle> simulator = session.simulator();
        if (simulator.isPresent()) {
            List<JournalEntry> entries = simulator.get().journal().entries();
            Path directory = context.getConfigurationParameter(FailureJournal.DIRECTORY_PROPERTY).map(Path::of)
                    .orElse(FailureJournal.DEFAULT_DIRECTORY);
            Path file = FailureJournal.write(directory, context.getRequiredTestClass().getName(),
                    context.getRequiredTestMethod().getName(), entries);
            context.publishReportEntry("hubsim.journal", file.toString());
            failure.addSuppressed(new FailureJournal.Kept(file, entries.size()));
        }
        session.writtenRecording().ifPresent(recording -> {
            context.publishReportEntry("hubsim.recording", recording.toAbsolutePath().toString());
            failure.addSuppressed(new KeptRecording(recording));
        });
    }

    /** Constructors get the test method's context, so a test's constructor and its methods share one client. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /** Each test gets its own client (no token cached by an earlier test) unless the class keeps state. */
    private static DockerHubClient client(TargetSession session, ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || !session.isolatesTests()) {
            return session.client();
        }
        return context.getStore(NAMESPACE).computeIfAbsent(CLIENT, key -> session.newClient(), DockerHubClient.class);
    }

    /** The session of this context: an enclosing one (the class's), else one opened here. */
    private TargetSession session(ExtensionContext context) {
        return existingSession(context).orElseGet(() -> context.getStore(NAMESPACE)
                .computeIfAbsent(SESSION, key -> open(context), TargetSession.class));
    }

    private static Optional<TargetSession> existingSession(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(SESSION, TargetSession.class));
    }

    private TargetSession open(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        SimulationSettings declared = settings != null ? settings : AnnotationSupport
                .findAnnotation(testClass, DockerHubSimulation.class).map(SimulationSettings::of)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " registers "
                        + "DockerHubSimulationExtension without @DockerHubSimulation: annotate the class or register "
                        + "the extension with DockerHubSimulationExtension.builder()"));
        Target target = TargetSelection.resolve(declared.target(),
                context.getConfigurationParameter(TargetSelection.PROPERTY).orElse(null),
                System.getenv(TargetSelection.ENVIRONMENT_VARIABLE));
        return TargetSessions.open(declared.withTarget(target), testClass,
                name -> context.getConfigurationParameter(name).orElse(null), System.getenv());
    }

    /** Settings for {@link DockerHubSimulationExtension}; the defaults are those of {@link DockerHubSimulation}. */
    public static final class Builder {
        private SimulationSettings settings = SimulationSettings.DEFAULTS;

        private Builder() {
        }

        /** What answers the requests, unless the run overrides it (default MOCK). */
        public Builder target(Target target) {
            settings = settings.withTarget(target);
            return this;
        }

        /** The recording directory for REPLAY, RECORD and SPY (default {@code src/test/resources/hubsim/<class>}). */
        public Builder recording(Path directory) {
            settings = settings.withRecording(directory);
            return this;
        }

        /** TOKEN (default) or NONE. */
        public Builder auth(AuthMode auth) {
            settings = settings.withAuth(auth);
            return this;
        }

        /** Accounts as {@code NAME:PASSWORD}; the injected client logs in as the first one. */
        public Builder users(String... users) {
            settings = settings.withUsers(List.of(users));
            return this;
        }

        /** A preset ({@code docker-hub}, {@code docker-hub-hourly}, {@code unlimited}) or a spec. */
        public Builder rateLimit(String spec) {
            settings = settings.withRateLimit(SimulationSettings.rateLimit(spec));
            return this;
        }

        /** A YAML or JSON seed file. */
        public Builder seed(Path file) {
            settings = settings.withSeed(file);
            return this;
        }

        /** In REPLAY, fail on a request the recording does not hold (default true). */
        public Builder strict(boolean strict) {
            settings = settings.withStrict(strict);
            return this;
        }

        /** Keep state from one test to the next (default false: reset before each test). */
        public Builder keepState(boolean keepState) {
            settings = settings.withKeepState(keepState);
            return this;
        }

        public DockerHubSimulationExtension build() {
            return new DockerHubSimulationExtension(settings);
        }
    }
}
