package dev.hubsim.dsl;

import dev.hubsim.core.reference.Digest;
import java.util.List;

/**
 * The block of {@code repository('alice/app') { ... }}: keywords about one repository, tags named without the
 * repository.
 * <pre>{@code
 * repository('alice/app') { tags.findAll { it.startsWith('pr-') }.each { delete it } }
 * }</pre>
 */
public final class RepositorySpec {
    private final String name;
    private final DockerHubSpec dockerhub;

    RepositorySpec(String name, DockerHubSpec dockerhub) {
        this.name = name;
        this.dockerhub = dockerhub;
    }

    /** The repository's name, e.g. {@code alice/app}. */
    public String getName() {
        return name;
    }

    /** Its tags. */
    public List<String> getTags() {
        return dockerhub.tags(name);
    }

    /** True when it has this tag. */
    public boolean exists(String tag) {
        return dockerhub.exists(name + ":" + tag);
    }

    /** The digest a tag points at. */
    public Digest digest(String tag) {
        return dockerhub.digest(name + ":" + tag);
    }

    /** Deletes the image a tag points at (with every tag that points at it too). */
    public void delete(String tag) {
        dockerhub.delete(name + ":" + tag);
    }

    /** Gives the image of tag {@code source} the tag {@code target} too. */
    public Digest tag(String source, String target) {
        return dockerhub.tag(name + ":" + source, name + ":" + target);
    }

    @Override
    public String toString() {
        return "repository " + name;
    }
}
