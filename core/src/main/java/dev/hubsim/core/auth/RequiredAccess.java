package dev.hubsim.core.auth;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import okhttp3.Request;

/**
 * What a registry request is for, attached to it as an OkHttp tag: the operation and target (for error messages)
 * and the token scopes it needs, e.g. {@code repository:alice/app:pull,push}. The auth interceptor asks for these
 * scopes before the registry has to challenge.
 */
public record RequiredAccess(String operation, String target, List<String> scopes) {

    public RequiredAccess {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        scopes = List.copyOf(scopes);
    }

    /** The access the request is tagged with, or, untagged, one that names its method, path and host. */
    public static RequiredAccess of(Request request) {
        RequiredAccess tagged = request.tag(RequiredAccess.class);
        return tagged != null ? tagged
                : new RequiredAccess(request.method() + " " + request.url().encodedPath(), request.url().host(), List.of());
    }

    /** Pull access to one repository. */
    public static RequiredAccess pull(String operation, String repository) {
        return new RequiredAccess(operation, repository, List.of(repositoryScope(repository, "pull")));
    }

    /** Pull and push access to one repository. */
    public static RequiredAccess push(String operation, String repository) {
        return new RequiredAccess(operation, repository, List.of(repositoryScope(repository, "pull,push")));
    }

    /** Delete access to one repository. */
    public static RequiredAccess delete(String operation, String repository) {
        return new RequiredAccess(operation, repository, List.of(repositoryScope(repository, "delete")));
    }

    /** These scopes plus pull on another repository (the source of a cross-repository mount). */
    public RequiredAccess plusPull(String repository) {
        return new RequiredAccess(operation, target,
                Stream.concat(scopes.stream(), Stream.of(repositoryScope(repository, "pull")))
                        .toList());
    }

    /** The same scopes for a step of a larger operation, e.g. one blob of an image pull, named by that image. */
    public RequiredAccess on(String operation, String target) {
        return new RequiredAccess(operation, target, scopes);
    }

    private static String repositoryScope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }
}
