package dev.hubsim.dsl.cli;

import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.ConfigurationException;
import dev.hubsim.dsl.ScriptFailure;
import dev.hubsim.dsl.ScriptRunner;
import dev.hubsim.dsl.Target;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hubsim run SCRIPT}: runs a hubsim script. Exit status 0 when it succeeds, 1 when an expectation fails, 2 for
 * a bad command line or target, 3 when the script does not compile or stops on an error.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a hubsim Groovy script (dockerhub { ... }) against a target.",
                "Exit status: 0 success, 1 failed expectation, 2 bad usage, 3 script error."})
final class RunCommand implements Callable<Integer> {
    static final String TARGET_VARIABLE = "HUBSIM_TARGET";
    static final String CONFIG_VARIABLE = "HUBSIM_LIVE_CONFIG";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The script, e.g. dsl/examples/push-and-pull.groovy.")
    private Path script;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "mock (an in-process simulator), replay, record or live (default: $HUBSIM_TARGET, else mock).")
    private String target;

    @Option(names = "--recording", paramLabel = "DIR", description = "The recording to replay or write (replay, record).")
    private Path recording;

    @Option(names = "--registry", paramLabel = "URL", description = "live: the registry, e.g. http://127.0.0.1:5000.")
    private String registry;

    @Option(names = "--hub", paramLabel = "URL", description = "live: the Hub API (default https://hub.docker.com).")
    private String hub;

    @Option(names = "--auth", paramLabel = "URL", description = "live: the token service (default https://auth.docker.io).")
    private String auth;

    @Option(names = "--config", paramLabel = "FILE",
            description = "live: a YAML file with a docker_hub: section (default: $HUBSIM_LIVE_CONFIG). "
                    + "The account comes from DOCKER_HUB_USERNAME with DOCKER_HUB_ACCESS_TOKEN or DOCKER_HUB_PASSWORD.")
    private Path config;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter for param('NAME'); repeatable.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--debug", description = "Print the stack trace of a script error.")
    private boolean debug;

    private final Map<String, String> environment;

    RunCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no such script: " + script);
        }
        Target chosen = Target.parse(Optional.ofNullable(target).or(() -> Optional.ofNullable(environment.get(TARGET_VARIABLE)))
                .filter(t -> !t.isBlank()).orElse("mock"));
        ScriptRunner.Builder runner = ScriptRunner.builder().target(chosen).params(params).environment(environment)
                .progress(System.console() != null ? System.err : null);
        if (chosen != Target.MOCK) {
            runner.liveConfig(liveConfig()).recording(recording);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            runner.build().run(script);
            return 0;
        } catch (ScriptFailure failure) {
            err.println(failure.getMessage());
            if (debug && failure.getCause() != null) {
                failure.getCause().printStackTrace(err);
            }
            err.flush();
            return failure.kind().exitStatus();
        }
    }

    private DockerHubConfig liveConfig() {
        Path file = config != null ? config
                : Optional.ofNullable(environment.get(CONFIG_VARIABLE)).filter(v -> !v.isBlank()).map(Path::of).orElse(null);
        try {
            DockerHubConfig loaded = DockerHubConfig.load(Optional.ofNullable(file), environment);
            return new DockerHubConfig(
                    hub == null ? loaded.hubUrl() : Endpoints.require("--hub", hub),
                    registry == null ? loaded.registryUrl() : Endpoints.require("--registry", registry),
                    auth == null ? loaded.authUrl() : Endpoints.require("--auth", auth),
                    loaded.timeout(), loaded.chunkSize(), loaded.maxRetries(), loaded.circuitBreaker(), loaded.credentials());
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException("target live: " + e.getMessage(), e);
        }
    }
}
