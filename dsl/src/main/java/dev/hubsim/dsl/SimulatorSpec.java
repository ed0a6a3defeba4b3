package dev.hubsim.dsl;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.dsl.internal.Closures;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.Plan;
import dev.hubsim.simulator.clock.VirtualClock;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.ratelimit.PullLimit;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.vulnerability.Vulnerability;
import dev.hubsim.simulator.webhook.Webhook;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The block of {@code simulator { ... }}: sets up the mock (accounts, repositories, seeded images, limits, faults,
 * time). Only the mock has one: against any other target the block is refused.
 * <pre>{@code
 * simulator {
 *     user 'alice', password: 'secret'
 *     repository 'alice/private', private: true
 *     rateLimit anonymous: 10.per(hour)
 *     fault { on 'blob-upload'; times 2; status 503 }
 *     clock.advance 6.hours
 * }
 * }</pre>
 */
public final class SimulatorSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunContext context;
    private final Simulator simulator;

    SimulatorSpec(RunContext context, Simulator simulator) {
        this.context = context;
        this.simulator = simulator;
    }

    /** An account: {@code user 'alice', password: 'secret', plan: 'pro'} (plan free, pro, team or business). */
    public void user(Map<String, ?> args, String name) {
        DockerHubSpec.checkKeys("user", args, Set.of("password", "plan"));
        Object password = args.get("password");
        if (password == null) {
            throw new DslException("user " + name + " needs a password: user '" + name + "', password: '...'");
        }
        Plan plan = args.get("plan") == null ? Plan.FREE : plan(args.get("plan").toString());
        simulator.accounts().addUser(name, password.toString(), plan, false);
    }

    /** An account with a password: {@code user 'alice', 'secret'}. */
    public void user(String name, String password) {
        user(Map.of("password", password), name);
    }

    /** An organisation and its members: {@code organisation 'acme', members: ['alice']}. */
    public void organisation(Map<String, ?> args, String name) {
        DockerHubSpec.checkKeys("organisation", args, Set.of("members"));
        Object members = args.get("members");
        Set<String> names = members instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()) : Set.of();
        simulator.accounts().addOrganisation(name, names);
    }

    /** An organisation without members. */
    public void organisation(String name) {
        organisation(Map.of(), name);
    }

    /** A repository: {@code repository 'alice/app', private: true, description: 'the app'}. */
    public void repository(Map<String, ?> args, String name) {
        DockerHubSpec.checkKeys("repository", args, Set.of("private", "description"));
        String repository = DockerHubSpec.repositoryName(name);
        boolean isPrivate = Boolean.TRUE.equals(args.get("private"));
        String description = args.get("description") == null ? "" : args.get("description").toString();
        if (!simulator.registry().createRepository(repository, isPrivate, description, "")) {
            simulator.registry().setPrivate(repository, isPrivate);
        }
    }

    /** A public repository. */
    public void repository(String name) {
        repository(Map.of(), name);
    }

    /** Seeds an image of one 1 MB layer. */
    public BuiltImage image(String reference) {
        return image(reference, spec -> { });
    }

    /** Seeds an image built from the block, straight into the simulator's state (no request, no pull counted). */
    public BuiltImage image(String reference,
                            @DelegatesTo(value = ImageSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return image(reference, spec -> Closures.configure(block, spec));
    }

    /** Seeds an image (Java form). */
    public BuiltImage image(String reference, Consumer<ImageSpec> block) {
        ImageReference parsed = DockerHubSpec.reference(reference);
        if (parsed.tag() == null || parsed.digest() != null) {
            throw new DslException("a seeded image is named by a tag, e.g. library/nginx:1.27, got " + reference);
        }
        ImageSpec spec = new ImageSpec(context.scriptDirectory());
        block.accept(spec);
        BuiltImage image = ImageLayoutWriter.write(parsed, spec, context.newDirectory("seed"));
        LayoutImport.into(simulator.registry(), image);
        return image;
    }

    /** Pull limits: {@code rateLimit anonymous: 10.per(hour), authenticated: 100.per(6.hours)}; a side left out is unlimited. */
    public void rateLimit(Map<String, ?> limits) {
        DockerHubSpec.checkKeys("rateLimit", limits, Set.of("anonymous", "authenticated"));
        simulator.rateLimit(new RateLimitPolicy(limit(limits.get("anonymous")), limit(limits.get("authenticated"))));
    }

    /** Pull limits by name or spec: {@code 'docker-hub'}, {@code 'docker-hub-hourly'}, {@code 'unlimited'}, {@code 'anonymous=3/1h'}. */
    public void rateLimit(String spec) {
        try {
            simulator.rateLimit(RateLimitPolicy.parse(spec));
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage(), e);
        }
    }

    /** Adds a fault rule; returns its id. */
    public String fault(@DelegatesTo(value = FaultSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return fault(spec -> Closures.configure(block, spec));
    }

    /** Adds a fault rule (Java form); returns its id. */
    public String fault(Consumer<FaultSpec> block) {
        FaultSpec spec = new FaultSpec();
        block.accept(spec);
        return simulator.faults().add(spec.build()).id();
    }

    /** Delays every request by {@code delay}, e.g. {@code latency 50.ms}. */
    public String latency(Duration delay) {
        return simulator.faults().add(FaultRule.when().latency(delay)).id();
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        simulator.faults().clear();
    }

    /** The simulator's clock: {@code clock.advance 6.hours}. */
    public VirtualClock getClock() {
        return simulator.clock();
    }

    /**
     * The scan result of an image, each finding as the seed file writes it:
     * {@code vulnerabilities 'acme/web:1.0', [[id: 'CVE-2024-6387', severity: 'critical', package: 'openssh', installed_version: '9.6']]}.
     */
    public void vulnerabilities(String image, List<Map<String, ?>> findings) {
        List<Vulnerability> parsed = findings.stream().map(SimulatorSpec::vulnerability).toList();
        try {
            simulator.vulnerabilities().set(image, parsed);
        } catch (IllegalArgumentException e) {
            throw new DslException("vulnerabilities of " + image + ": " + e.getMessage(), e);
        }
    }

    /** Points a repository's webhook at the script's inbox ({@code webhook.events} in {@code dockerhub { }}). */
    public void webhook(String repository) {
        webhook(repository, context.inbox().getUrl().toString());
    }

    /** Points a repository's webhook at a URL. */
    public void webhook(String repository, String url) {
        try {
            simulator.webhooks().add(Webhook.of(repository, "hubsim-run", url));
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage(), e);
        }
    }

    /** Empties the simulator and applies its seed again. */
    public void reset() {
        simulator.reset();
    }

    private static Optional<PullLimit> limit(Object value) {
        if (value == null || "unlimited".equals(value)) {
            return Optional.empty();
        }
        if (value instanceof PullLimit limit) {
            return Optional.of(limit);
        }
        try {
            return Optional.of(PullLimit.parse(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage() + ", or write 10.per(hour)", e);
        }
    }

    private static Plan plan(String name) {
        try {
            return Plan.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DslException("unknown plan '" + name + "': use free, pro, team or business");
        }
    }

    private static Vulnerability vulnerability(Map<String, ?> finding) {
        try {
            return JSON.convertValue(finding, Vulnerability.class);
        } catch (IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new DslException("a vulnerability is [id:, severity:, package:, installed_version:, cvss:, "
                    + "fixed_version:]: " + root.getMessage(), e);
        }
    }
}
