package dev.hubsim.simulator.fault;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request's operation and repository, read from its method and path, registry suffixes first. */
class RequestTargetTest {
    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
            "GET,    /v2/library/nginx/manifests/latest,        manifest-get, library/nginx",
            "HEAD,   /v2/alice/app/manifests/sha256:abc,        manifest-get, alice/app",
            "PUT,    /v2/alice/app/manifests/v1,                manifest-put, alice/app",
            "DELETE, /v2/alice/app/manifests/sha256:abc,        other,        alice/app",
            "GET,    /v2/a/b/c/blobs/sha256:abc,                blob-get,     a/b/c",
            "HEAD,   /v2/alice/app/blobs/sha256:abc,            blob-get,     alice/app",
            "DELETE, /v2/alice/app/blobs/sha256:abc,            other,        alice/app",
            "POST,   /v2/alice/app/blobs/uploads/,              blob-upload,  alice/app",
            "POST,   /v2/alice/app/blobs/uploads,               blob-upload,  alice/app",
            "PATCH,  /v2/alice/app/blobs/uploads/0b6e-4c1f,     blob-upload,  alice/app",
            "PUT,    /v2/alice/app/blobs/uploads/0b6e-4c1f,     blob-upload,  alice/app",
            "GET,    /v2/alice/app/tags/list,                   other,        alice/app",
            "GET,    /v2/alice/app/referrers/sha256:abc,        other,        alice/app",
            "GET,    /v2/repositories/app/manifests/v1,         manifest-get, repositories/app",
            "GET,    /token,                                    token,        -",
            "POST,   /token,                                    token,        -",
            "POST,   /v2/users/login,                           hub-api,      -",
            "POST,   /v2/auth/token,                            hub-api,      -",
            "GET,    /v2/access-tokens,                         hub-api,      -",
            "GET,    /v2/access-tokens/4f2a,                    hub-api,      -",
            "GET,    /v2/namespaces/alice/repositories,         hub-api,      -",
            "GET,    /v2/namespaces/alice/repositories/app/tags, hub-api,     alice/app",
            "DELETE, /v2/repositories/alice/app/,               hub-api,      alice/app",
            "GET,    /v2/repositories/alice/,                   hub-api,      -",
            "GET,    /v2/orgs/acme/members,                     hub-api,      -",
            "GET,    /v2/,                                      other,        -",
            "GET,    /v2/_catalog,                              other,        -",
            "GET,    /elsewhere,                                other,        -"})
    void classifiesByMethodAndPath(String method, String path, String operation, String repository) {
        RequestTarget target = RequestTarget.of(method, path);

        assertThat(target.operation().wireName()).isEqualTo(operation);
        assertThat(target.repository()).isEqualTo(repository);
        assertThat(target.method()).isEqualTo(method);
    }
}
