package dev.hubsim.dsl;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.core.registry.PullOptions;
import dev.hubsim.core.registry.PulledImage;
import dev.hubsim.core.registry.PushOptions;
import dev.hubsim.core.registry.PushedImage;
import dev.hubsim.dsl.internal.Closures;
import dev.hubsim.dsl.internal.TransferProgress;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The block of {@code dockerhub { ... }}: one method per keyword, each going through the client to the target.
 * <pre>{@code
 * dockerhub {
 *     login 'alice', env('HUB_TOKEN')
 *     def app = image('alice/app:1') { layer bytes(5.MB) }
 *     push app
 *     expect tags('alice/app').contains('1')
 * }
 * }</pre>
 */
public final class DockerHubSpec {
    private final RunContext context;

    DockerHubSpec(RunContext context) {
        this.context = context;
    }

    /** Logs in with a password or a personal access token. */
    public void login(String user, String secret) {
        if (user == null || user.isBlank() || secret == null || secret.isEmpty()) {
            throw new DslException("login needs a user name and a password or token");
        }
        context.login(user, secret);
    }

    /** Logs in with named arguments: {@code login user: 'alice', token: env('HUB_TOKEN')} (or {@code password:}). */
    public void login(Map<String, ?> args) {
        checkKeys("login", args, Set.of("user", "password", "token"));
        if (args.containsKey("password") == args.containsKey("token")) {
            throw new DslException(args.containsKey("token") ? "login takes password: or token:, not both"
                    : "login needs password: or token:");
        }
        Object secret = args.containsKey("token") ? args.get("token") : args.get("password");
        login(args.get("user") == null ? null : args.get("user").toString(), secret == null ? null : secret.toString());
    }

    /** Drops the account: the following requests are anonymous. */
    public void logout() {
        context.logout();
    }

    /** Builds an image of one 1 MB layer for linux/amd64. */
    public BuiltImage image(String reference) {
        return image(reference, spec -> { });
    }

    /** Builds an image from the block's layers, platforms and labels, ready to push. */
    public BuiltImage image(String reference,
                            @DelegatesTo(value = ImageSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return image(reference, spec -> Closures.configure(block, spec));
    }

    /** Builds an image (Java form). */
    public BuiltImage image(String reference, Consumer<ImageSpec> block) {
        ImageReference parsed = reference(reference);
        ImageSpec spec = new ImageSpec(context.scriptDirectory());
        block.accept(spec);
        return ImageLayoutWriter.write(parsed, spec, context.newDirectory("image"));
    }

    /** Pushes a built image to its reference. */
    public PushedImage push(BuiltImage image) {
        return push(image, image.reference().toString());
    }

    /** Pushes a built image to another reference. */
    public PushedImage push(BuiltImage image, String target) {
        ImageReference reference = reference(target);
        return transfer("push " + display(reference), progress -> context.client().images()
                .push(image.layout(), image.name(), reference, pushOptions().withListener(progress)), reference);
    }

    /** Pulls an image into a fresh temporary directory (an OCI layout), for the running platform. */
    public PulledImage pull(String reference) {
        return pull(Map.of(), reference);
    }

    /** Pulls an image into the OCI layout directory {@code directory} (relative to the script). */
    public PulledImage pull(String reference, Object directory) {
        return pull(Map.of("to", directory), reference);
    }

    /** Pulls with named arguments: {@code pull 'alice/app:1', to: 'out', platform: 'linux/arm64'}. */
    public PulledImage pull(Map<String, ?> args, String reference) {
        checkKeys("pull", args, Set.of("to", "platform"));
        ImageReference parsed = reference(reference);
        Path directory = args.get("to") == null ? context.newDirectory("pull")
                : context.scriptDirectory().resolve(args.get("to").toString());
        PullOptions options = PullOptions.defaults();
        if (args.get("platform") != null) {
            options = options.withPlatform(platform(args.get("platform").toString()));
        }
        PullOptions chosen = options;
        return transfer("pull " + display(parsed), progress -> context.client().images()
                .pull(parsed, directory, chosen.withListener(progress)), parsed);
    }

    /** Gives the image {@code source} names another tag (in the same or another repository); returns its digest. */
    public Digest tag(String source, String target) {
        ImageReference from = reference(source);
        ImageReference to = reference(target);
        if (to.tag() == null || to.digest() != null) {
            throw new DslException("tag needs a target with a tag, e.g. alice/app:latest, got " + target);
        }
        if (from.repository().equals(to.repository())) {
            FetchedManifest manifest = existing(from, () -> context.client().registry().getManifest(from));
            return context.client().registry().putManifest(to, manifest.mediaType(), manifest.bytes());
        }
        Path layout = context.newDirectory("tag");
        PulledImage pulled = existing(from, () -> context.client().images().pull(from, layout,
                PullOptions.defaults().withAllPlatforms().withName("source")));
        context.client().images().push(layout, pulled.name(), to, pushOptions().withMountFrom(from.repository()));
        return pulled.manifest().digest();
    }

    /** The tags of a repository, e.g. {@code tags('alice/app')}. */
    public List<String> tags(String repository) {
        String name = repositoryName(repository);
        try {
            return new ArrayList<>(context.client().registry().listTags(name));
        } catch (RegistryErrorException e) {
            if (e.has(RegistryErrorCode.NAME_UNKNOWN)) {
                return List.of();
            }
            throw e;
        }
    }

    /** True when the image exists. */
    public boolean exists(String reference) {
        ImageReference parsed = reference(reference);
        return context.client().registry().checkManifest(parsed).isPresent();
    }

    /** The digest of an image, e.g. {@code digest('alice/app:1')}. */
    public Digest digest(String reference) {
        ImageReference parsed = reference(reference);
        return context.client().registry().checkManifest(parsed)
                .orElseThrow(() -> new DslException("no such image: " + reference)).digest();
    }

    /** Deletes the image a tag or digest names (with every tag that points at it). */
    public void delete(String reference) {
        ImageReference parsed = reference(reference);
        Digest digest = parsed.digest() != null ? parsed.digest() : digest(reference);
        existing(parsed, () -> {
            context.client().registry().deleteManifest(parsed.withDigest(digest));
            return null;
        });
    }

    /** The repositories of a namespace, e.g. {@code repositories('alice')}. */
    public List<RepositoryInfo> repositories(String namespace) {
        return context.hub().repositories(namespace);
    }

    /** Works on one repository: {@code repository('alice/app') { tags.findAll { ... }.each { delete it } }}. */
    public RepositorySpec repository(String name,
                                     @DelegatesTo(value = RepositorySpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        return repository(name, spec -> Closures.configure(block, spec));
    }

    /** Works on one repository (Java form). */
    public RepositorySpec repository(String name, Consumer<RepositorySpec> block) {
        RepositorySpec spec = new RepositorySpec(repositoryName(name), this);
        block.accept(spec);
        return spec;
    }

    /** The pull rate limit as the registry last reported it, or null before any pull. */
    public RateLimitStatus getRateLimit() {
        return context.lastRateLimit().map(o -> new RateLimitStatus(o.limit(), o.remaining(),
                Duration.ofSeconds(o.windowSeconds()), o.source())).orElse(null);
    }

    /** Asks the registry about an image without pulling it (a HEAD) and returns the rate limit it reports. */
    public RateLimitStatus rateLimit(String reference) {
        exists(reference);
        RateLimitStatus status = getRateLimit();
        if (status == null) {
            throw new DslException("the registry reported no pull rate limit for " + reference + " (no limit applies)");
        }
        return status;
    }

    /** The scan result of an image: {@code vulnerabilities('acme/web:1.0').count('critical')}. */
    public VulnerabilityReport vulnerabilities(String reference) {
        return context.hub().vulnerabilities(reference(reference));
    }

    /** The run's webhook inbox: {@code webhook.await(1)}, {@code webhook.events}. */
    public WebhookInbox getWebhook() {
        return context.inbox();
    }

    private <T> T transfer(String label, java.util.function.Function<TransferProgress, T> operation, ImageReference reference) {
        TransferProgress progress = context.progress(label);
        try {
            return existing(reference, () -> operation.apply(progress));
        } finally {
            progress.finish();
        }
    }

    /** Runs an operation on an image, turning "manifest unknown" into "no such image". */
    private static <T> T existing(ImageReference reference, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RegistryErrorException e) {
            if (e.has(RegistryErrorCode.MANIFEST_UNKNOWN) || e.has(RegistryErrorCode.NAME_UNKNOWN)) {
                throw new DslException("no such image: " + display(reference), e);
            }
            throw e;
        }
    }

    /** A reference as people write it: {@code alice/app:1} or {@code alice/app@sha256:...}. */
    static String display(ImageReference reference) {
        return reference.repository() + (reference.digest() != null ? "@" + reference.digest() : ":" + reference.tag());
    }

    static ImageReference reference(String text) {
        try {
            return ImageReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage(), e);
        }
    }

    static String repositoryName(String text) {
        ImageReference parsed = reference(text);
        if (parsed.tag() != null && !"latest".equals(parsed.tag()) || parsed.digest() != null) {
            throw new DslException("a repository has no tag or digest: use " + parsed.repository() + ", not " + text);
        }
        return parsed.repository();
    }

    private static Platform platform(String text) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage(), e);
        }
    }

    static void checkKeys(String keyword, Map<String, ?> args, Set<String> allowed) {
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                throw new DslException(keyword + " has no argument '" + key + "': use " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    /**
     * Push options for this target: one blob at a time while recording or replaying, because a recording pairs each
     * upload session with the blob pushed into it, and parallel uploads would pair them differently on replay.
     */
    private PushOptions pushOptions() {
        Target target = context.target();
        return target == Target.RECORD || target == Target.REPLAY ? PushOptions.defaults().withConcurrency(1)
                : PushOptions.defaults();
    }
}
