package dev.hubsim.dsl;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.dsl.internal.ExpectTransform;
import dev.hubsim.dsl.internal.RateLimitHeaders;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.replay.Mode;
import dev.hubsim.simulator.replay.Upstreams;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Runs hubsim scripts against a target. Against {@link Target#MOCK} it starts a simulator for the run (Docker Hub's
 * token auth and limits) with the account {@value #MOCK_USER}, logged in from the start, or uses the simulator a test
 * gives; against {@link Target#LIVE} it uses the given configuration. A script that does not succeed throws one
 * {@link ScriptFailure} whose message starts with the script file and line.
 * <pre>{@code
 * ScriptRunner.builder().simulator(simulator).params(Map.of("repository", "alice/app")).build()
 *         .run(Path.of("push.groovy"));
 * }</pre>
 */
public final class ScriptRunner {
    /** The account of the simulator the runner starts for {@link Target#MOCK}, and its namespace. */
    public static final String MOCK_USER = "hubsim";

    private final Target target;
    private final Simulator simulator;
    private final DockerHubClient client;
    private final DockerHubConfig liveConfig;
    private final Path recording;
    private final Map<String, String> params;
    private final Map<String, String> environment;
    private final PrintStream progress;

    private ScriptRunner(Builder builder) {
        this.target = builder.target;
        this.simulator = builder.simulator;
        this.client = builder.client;
        this.liveConfig = builder.liveConfig;
        this.recording = builder.recording;
        this.params = Map.copyOf(builder.params);
        this.environment = Map.copyOf(builder.environment);
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compiles and runs the script.
     *
     * @throws ScriptFailure when it does not compile, fails an expectation, or stops on an error
     * @throws IllegalStateException when the target cannot be used (replay and record need a recording directory)
     */
    public void run(Path script) {
        String name = script.getFileName().toString();
        DockerHubScript compiled = compile(script, name);
        RateLimitHeaders rateLimits = new RateLimitHeaders();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(rateLimits).build();
        Simulator started = null;
        try {
            DockerHubClient base;
            Simulator used = simulator;
            switch (target) {
                case MOCK -> {
                    if (used == null) {
                        String password = HexFormat.of().formatHex(randomBytes());
                        started = Simulator.builder().auth(AuthMode.TOKEN)
                                .seed(Seed.EMPTY.withUsers(List.of(MOCK_USER + ":" + password))).start();
                        used = started;
                        // The client keeps the simulator's time, so `clock.advance` also ends its rate-limit window.
                        base = DockerHubClient.builder().baseUrl(started.baseUri().toString()).clock(started.clock())
                                .credentials(MOCK_USER, SecretString.of(password)).httpClient(http).build();
                    } else {
                        base = (client != null ? client.newBuilder()
                                : DockerHubClient.builder().baseUrl(used.baseUri().toString())).httpClient(http).build();
                    }
                }
                default -> base = DockerHubClient.builder() // LIVE
                        .config(Objects.requireNonNullElseGet(liveConfig, DockerHubConfig::defaults)).httpClient(http).build();
                case REPLAY -> {
                    started = Simulator.builder().mode(Mode.replay(requireRecording())).start();
                    base = replayOrRecordClient(started, http);
                }
                case RECORD -> {
                    DockerHubConfig upstream = Objects.requireNonNullElseGet(liveConfig, DockerHubConfig::defaults);
                    started = Simulator.builder().mode(Mode.record(Upstreams.of(upstream.registryUrl().toString(),
                            upstream.authUrl().toString(), upstream.hubUrl().toString()), requireRecording())).start();
                    base = replayOrRecordClient(started, http);
                }
            }
            Path directory = script.toAbsolutePath().getParent();
            try (RunContext context = new RunContext(target, base, target == Target.MOCK ? used : null, rateLimits,
                    directory, params, environment, progress)) {
                compiled.attach(context);
                compiled.run();
            } catch (ScriptFailure e) {
                throw e;
            } catch (Throwable e) {
                throw ScriptErrors.describe(name, e);
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** A client of a replaying or recording simulator, with the live configuration's credentials and settings. */
    private DockerHubClient replayOrRecordClient(Simulator started, OkHttpClient http) {
        DockerHubConfig config = Objects.requireNonNullElseGet(liveConfig, DockerHubConfig::defaults);
        return DockerHubClient.builder().config(config).baseUrl(started.baseUri().toString()).httpClient(http).build();
    }

    private Path requireRecording() {
        if (recording == null) {
            throw new IllegalStateException("target " + target.label() + " needs a recording directory (--recording DIR)");
        }
        return recording;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private DockerHubScript compile(Path script, String name) {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(DockerHubScript.class.getName());
        configuration.addCompilationCustomizers(
                new ImportCustomizer().addStarImports("dev.hubsim.dsl").addImports("java.time.Duration"),
                new ExpectTransform());
        GroovyShell shell = new GroovyShell(ScriptRunner.class.getClassLoader(), configuration);
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new ScriptFailure(ScriptFailure.Kind.ERROR, name, 0, "cannot read the script: " + e.getMessage(), e);
        }
        try {
            Script parsed = shell.parse(new GroovyCodeSource(text, name, GroovyShell.DEFAULT_CODE_BASE));
            return (DockerHubScript) parsed;
        } catch (MultipleCompilationErrorsException e) {
            throw ScriptErrors.describeCompilation(name, e);
        }
    }

    /** Options of a run; every one has a default (target mock, no parameters, no progress output). */
    public static final class Builder {
        private Target target = Target.MOCK;
        private Simulator simulator;
        private DockerHubClient client;
        private DockerHubConfig liveConfig;
        private Path recording;
        private Map<String, String> params = Map.of();
        private Map<String, String> environment = System.getenv();
        private PrintStream progress;

        private Builder() {
        }

        /** The target (default mock). */
        public Builder target(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** Runs against this simulator (target mock) instead of starting one. */
        public Builder simulator(Simulator simulator) {
            this.simulator = Objects.requireNonNull(simulator, "simulator");
            this.target = Target.MOCK;
            return this;
        }

        /** With {@link #simulator}: the client to start from, e.g. one logged in (default: anonymous). */
        public Builder client(DockerHubClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** replay: the recording to serve; record: where to write it. */
        public Builder recording(Path recording) {
            this.recording = recording;
            return this;
        }

        /** The endpoints and account of target live (default: Docker Hub, anonymous); record forwards to them. */
        public Builder liveConfig(DockerHubConfig config) {
            this.liveConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /** What {@code param('NAME')} reads. */
        public Builder params(Map<String, String> params) {
            this.params = Map.copyOf(params);
            return this;
        }

        /** What {@code env('NAME')} reads (default: the process environment). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Where pushes and pulls show their progress (default: nowhere). */
        public Builder progress(PrintStream out) {
            this.progress = out;
            return this;
        }

        public ScriptRunner build() {
            return new ScriptRunner(this);
        }
    }
}
