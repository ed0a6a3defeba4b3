package dev.hubsim.simulator.webhook;

import dev.hubsim.core.reference.ImageReference;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A repository's webhook as Docker Hub configures one (Repository → Webhooks: a name and a destination URL).
 * Validated when made: the message of a bad one says which part is wrong.
 *
 * @param repository the repository whose pushes fire it, e.g. {@code acme/web} ({@code nginx} means {@code library/nginx})
 */
public record Webhook(String repository, String name, URI url) {
    public Webhook {
        if (repository == null || repository.isBlank()) {
            throw new IllegalArgumentException("a webhook needs a repository, e.g. acme/web");
        }
        if (!ImageReference.isValidRepositoryName(repository)) {
            throw new IllegalArgumentException("'" + repository + "' is not a repository name (lower-case path "
                    + "components such as acme/web)");
        }
        if (repository.indexOf('/') < 0) {
            repository = "library/" + repository;
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a webhook needs a name");
        }
        if (url == null) {
            throw new IllegalArgumentException("webhook " + name + " needs a url");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("webhook " + name + ": the url must be an absolute http or https URL "
                    + "with a host, got '" + url + "'");
        }
    }

    /** A webhook from text, as the seed file and the admin API give it. */
    public static Webhook of(String repository, String name, String url) {
        URI uri = null;
        if (url != null && !url.isBlank()) {
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("webhook " + name + ": '" + url + "' is not a URL: " + e.getReason());
            }
        }
        return new Webhook(repository, name, uri);
    }
}
