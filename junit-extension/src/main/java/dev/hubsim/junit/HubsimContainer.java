package dev.hubsim.junit;

import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator as a Testcontainers container: the image runs {@code hubsim serve} (its entry point is
 * {@code java -jar hubsim.jar}); the container is ready when {@code /_hubsim/health} answers.
 * <pre>{@code
 * @Container
 * static HubsimContainer hub = new HubsimContainer("hubsim/hubsim:0.1.0")
 *         .withUser("alice", "secret-pw")
 *         .withRateLimit("anonymous=3/1h");
 * ...
 * DockerHubClient client = DockerHubClient.builder().baseUrl(hub.getBaseUrl()).build();
 * }</pre>
 * Needs Testcontainers ({@code org.testcontainers:testcontainers} 2.x) on the test class path.
 */
public class HubsimContainer extends GenericContainer<HubsimContainer> {
    /** The port hubsim listens on inside the container. */
    public static final int PORT = 5000;
    private static final String SEED_PATH = "/hubsim/seed.yaml";

    private final List<String> users = new ArrayList<>();
    private AuthMode auth = AuthMode.TOKEN;
    private String rateLimit;
    private boolean seeded;

    public HubsimContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public HubsimContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/_hubsim/health").forPort(PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** An account; repeatable. The password goes on hubsim's command line (docker inspect shows it): use test passwords. */
    public HubsimContainer withUser(String name, String password) {
        if (name == null || name.isEmpty() || name.contains(":") || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("withUser needs a name without ':' and a non-empty password, got name '"
                    + name + "'");
        }
        users.add(name + ":" + password);
        return self();
    }

    /** TOKEN (default): bearer tokens as Docker Hub; NONE: an open registry. */
    public HubsimContainer withAuth(AuthMode auth) {
        this.auth = auth;
        return self();
    }

    /** A preset ({@code docker-hub}, {@code docker-hub-hourly}, {@code unlimited}) or a spec; checked here. */
    public HubsimContainer withRateLimit(String spec) {
        RateLimitPolicy.parse(spec);
        this.rateLimit = spec;
        return self();
    }

    /** Copies a YAML or JSON seed file into the container and applies it at start and on every reset. */
    public HubsimContainer withSeed(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("withSeed: no readable file at " + file.toAbsolutePath());
        }
        withCopyFileToContainer(MountableFile.forHostPath(file), SEED_PATH);
        this.seeded = true;
        return self();
    }

    @Override
    protected void configure() {
        List<String> command = new ArrayList<>(List.of("serve", "--host", "0.0.0.0", "--port", String.valueOf(PORT),
                "--auth", auth.name().toLowerCase(Locale.ROOT)));
        users.forEach(user -> command.addAll(List.of("--user", user)));
        if (rateLimit != null) {
            command.addAll(List.of("--rate-limit", rateLimit));
        }
        if (seeded) {
            command.addAll(List.of("--seed", SEED_PATH));
        }
        setCommand(command.toArray(String[]::new));
    }

    /** The base URL of registry, token service, Hub API and admin API, e.g. {@code http://localhost:32768}. */
    public String getBaseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    /** The registry API's URL ({@code /v2/...}). */
    public String getRegistryUrl() {
        return getBaseUrl();
    }

    /** The Hub API's URL ({@code /v2/repositories/...}, {@code /v2/users/login}). */
    public String getHubUrl() {
        return getBaseUrl();
    }

    /** The token service's URL ({@code /token}). */
    public String getAuthUrl() {
        return getBaseUrl();
    }

    /** {@code host:port} as image references name a registry, e.g. {@code localhost:32768/alice/app:1.0}. */
    public String getRegistryAuthority() {
        return getHost() + ":" + getMappedPort(PORT);
    }
}
