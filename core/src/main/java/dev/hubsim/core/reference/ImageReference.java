package dev.hubsim.core.reference;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised image reference: {@code registry/repository[:tag][@digest]}, e.g. {@code docker.io/library/nginx:latest}.
 *
 * <p>The grammar is Docker's (distribution/reference, regexp.go), built here from the same named fragments:
 * <pre>
 * reference       := name [ ":" tag ] [ "@" digest ]
 * name            := [ domain "/" ] path-component [ "/" path-component ]*
 * domain          := host [ ":" port ]         host := domain-name | "[" ipv6 "]"
 * path-component  := alphanumeric [ separator alphanumeric ]*
 * alphanumeric    := [a-z0-9]+                 separator := [._] | "__" | [-]+
 * tag             := [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}
 * </pre>
 * The normalisation is Docker's (normalize.go): the first component is a registry only when it contains
 * {@code .} or {@code :} or is {@code localhost}; otherwise the registry is {@code docker.io}. {@code index.docker.io}
 * becomes {@code docker.io}; a single component on Docker Hub gets {@code library/}; without tag or digest the tag is
 * {@code latest}. The full name (registry included) is at most 255 characters. Everything is validated at parse time.
 *
 * @param registry   the registry host, with port if any, e.g. {@code docker.io} or {@code [::1]:5000}
 * @param repository the repository path inside the registry, e.g. {@code library/nginx}
 * @param tag        the tag, or null when the reference has only a digest
 * @param digest     the digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    /** The canonical registry name of Docker Hub. */
    public static final String DOCKER_HUB = "docker.io";

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String LOCALHOST = "localhost";
    private static final String OFFICIAL_NAMESPACE = "library/";
    private static final String DEFAULT_TAG = "latest";
    private static final int NAME_TOTAL_LENGTH_MAX = 255;
    private static final int TAG_LENGTH_MAX = 128;

    // Named fragments of distribution/reference regexp.go.
    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|-+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String DOMAIN_NAME_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN_NAME = DOMAIN_NAME_COMPONENT + "(?:\\." + DOMAIN_NAME_COMPONENT + ")*";
    private static final String IPV6_ADDRESS = "\\[[a-fA-F0-9:]+\\]";
    private static final String HOST = "(?:" + DOMAIN_NAME + "|" + IPV6_ADDRESS + ")";
    private static final String OPTIONAL_PORT = "(?::[0-9]+)?";
    private static final String DOMAIN_AND_PORT = HOST + OPTIONAL_PORT;
    private static final String TAG = "[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}";
    private static final String IDENTIFIER = "[a-f0-9]{64}";

    private static final Pattern REMOTE_NAME_PATTERN = Pattern.compile(REMOTE_NAME);
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN_AND_PORT);
    private static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    private static final Pattern IDENTIFIER_PATTERN = Pattern.compile(IDENTIFIER);

    public ImageReference {
        validate(render(registry, repository, tag, digest), registry, repository, tag);
        if (tag == null && digest == null) {
            throw new InvalidReferenceException(render(registry, repository, null, null), "a tag or a digest is required");
        }
    }

    /** Parses and normalises a reference as {@code docker pull} would; see the class comment for the rules. */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidReferenceException("", "repository name is empty");
        }
        String name = text;
        Digest digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(name.substring(at + 1));
            } catch (InvalidDigestException e) {
                throw new InvalidReferenceException(text, "invalid digest: " + e.getMessage());
            }
            name = name.substring(0, at);
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (IDENTIFIER_PATTERN.matcher(name).matches()) {
            throw new InvalidReferenceException(text, "repository name cannot be a 64-character hexadecimal string");
        }
        String registry = DOCKER_HUB;
        String repository = name;
        int slash = name.indexOf('/');
        if (slash >= 0 && isRegistryHost(name.substring(0, slash))) {
            registry = name.substring(0, slash);
            repository = name.substring(slash + 1);
        }
        if (registry.equals(LEGACY_DOCKER_HUB)) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !repository.isEmpty() && repository.indexOf('/') < 0) {
            repository = OFFICIAL_NAMESPACE + repository;
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        validate(text, registry, repository, tag);
        return new ImageReference(registry, repository, tag, digest);
    }

    /** True for a repository path of the OCI {@code <name>} grammar, at most 255 characters long. */
    public static boolean isValidRepositoryName(String name) {
        return name != null && name.length() <= NAME_TOTAL_LENGTH_MAX && REMOTE_NAME_PATTERN.matcher(name).matches();
    }

    /** True for a tag of the OCI grammar {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
    public static boolean isValidTag(String tag) {
        return tag != null && TAG_PATTERN.matcher(tag).matches();
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
    public String fullName() {
        return registry + "/" + repository;
    }

    /** What goes in {@code /v2/<name>/manifests/<reference>}: the digest when there is one, else the tag. */
    public String reference() {
        return digest != null ? digest.toString() : tag;
    }

    /** True when the registry is Docker Hub. */
    public boolean isDockerHub() {
        return DOCKER_HUB.equals(registry);
    }

    /** This reference with another tag (the digest is kept). */
    public ImageReference withTag(String tag) {
        return new ImageReference(registry, repository, tag, digest);
    }

    /** This reference with another digest (the tag is kept). */
    public ImageReference withDigest(Digest digest) {
        return new ImageReference(registry, repository, tag, digest);
    }

    /** The canonical form, e.g. {@code docker.io/library/nginx:latest} or {@code r/a:t@sha256:...}. */
    @Override
    public String toString() {
        return render(registry, repository, tag, digest);
    }

    /** normalize.go: a first component is a host when it has a dot or a port, or is localhost. */
    private static boolean isRegistryHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals(LOCALHOST);
    }

    private static void validate(String text, String registry, String repository, String tag) {
        if (registry == null || !DOMAIN_PATTERN.matcher(registry).matches()) {
            throw new InvalidReferenceException(text, "invalid registry host \"" + registry + "\"");
        }
        if (repository == null || repository.isEmpty()) {
            throw new InvalidReferenceException(text, "repository name is empty");
        }
        if (!repository.equals(repository.toLowerCase(Locale.ROOT))) {
            throw new InvalidReferenceException(text, "repository name must be lowercase");
        }
        if (!REMOTE_NAME_PATTERN.matcher(repository).matches()) {
            throw new InvalidReferenceException(text, "invalid repository name \"" + repository
                    + "\": each path component must be lowercase letters and digits joined by '.', '_', '__' or '-'");
        }
        int length = registry.length() + 1 + repository.length();
        if (length > NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidReferenceException(text, "name length " + length + " exceeds the maximum of "
                    + NAME_TOTAL_LENGTH_MAX + " characters");
        }
        if (tag != null && tag.length() > TAG_LENGTH_MAX) {
            throw new InvalidReferenceException(text, "tag is " + tag.length() + " characters long (max " + TAG_LENGTH_MAX + ")");
        }
        if (tag != null && !TAG_PATTERN.matcher(tag).matches()) {
            throw new InvalidReferenceException(text, "invalid tag \"" + tag + "\": must match " + TAG);
        }
    }

    private static String render(String registry, String repository, String tag, Digest digest) {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
