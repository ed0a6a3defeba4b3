package dev.hubsim.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {
    private static final String SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA512 = "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
    private static final String TAG_128 = "t".repeat(128);
    private static final String REPO_245 = "alice/" + "a".repeat(239);

    static Stream<Arguments> validReferences() {
        return Stream.of(
                // input, registry, repository, tag, digest, canonical
                arguments("nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest"),
                arguments("nginx:1.27", "docker.io", "library/nginx", "1.27", null, "docker.io/library/nginx:1.27"),
                arguments("library/nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest"),
                arguments("docker.io/nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest"),
                arguments("docker.io/library/nginx:stable", "docker.io", "library/nginx", "stable", null, "docker.io/library/nginx:stable"),
                arguments("index.docker.io/library/nginx", "docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest"),
                arguments("index.docker.io/nginx:1", "docker.io", "library/nginx", "1", null, "docker.io/library/nginx:1"),
                arguments("alice/app:1.0", "docker.io", "alice/app", "1.0", null, "docker.io/alice/app:1.0"),
                arguments("localhost/app", "localhost", "app", "latest", null, "localhost/app:latest"),
                arguments("localhost:5000/a/b:t", "localhost:5000", "a/b", "t", null, "localhost:5000/a/b:t"),
                arguments("127.0.0.1:5000/x", "127.0.0.1:5000", "x", "latest", null, "127.0.0.1:5000/x:latest"),
                arguments("[::1]:5000/x:y", "[::1]:5000", "x", "y", null, "[::1]:5000/x:y"),
                arguments("[2001:db8::1]/x", "[2001:db8::1]", "x", "latest", null, "[2001:db8::1]/x:latest"),
                arguments("registry:5000/app", "registry:5000", "app", "latest", null, "registry:5000/app:latest"),
                arguments("example.com:443/app", "example.com:443", "app", "latest", null, "example.com:443/app:latest"),
                arguments("Example.COM/app", "Example.COM", "app", "latest", null, "Example.COM/app:latest"),
                arguments("host-with-dash.io/app", "host-with-dash.io", "app", "latest", null, "host-with-dash.io/app:latest"),
                arguments("registry.example.com/team/app@" + SHA256, "registry.example.com", "team/app", null, SHA256,
                        "registry.example.com/team/app@" + SHA256),
                arguments("nginx@" + SHA256, "docker.io", "library/nginx", null, SHA256, "docker.io/library/nginx@" + SHA256),
                arguments("nginx:1.27@" + SHA256, "docker.io", "library/nginx", "1.27", SHA256, "docker.io/library/nginx:1.27@" + SHA256),
                arguments("r.example/a:t@" + SHA256, "r.example", "a", "t", SHA256, "r.example/a:t@" + SHA256),
                arguments("ghcr.io/org/app@" + SHA512, "ghcr.io", "org/app", null, SHA512, "ghcr.io/org/app@" + SHA512),
                arguments("a/b/c/d/e:v1", "docker.io", "a/b/c/d/e", "v1", null, "docker.io/a/b/c/d/e:v1"),
                arguments("quay.io/a/b/c", "quay.io", "a/b/c", "latest", null, "quay.io/a/b/c:latest"),
                arguments("my.app", "docker.io", "library/my.app", "latest", null, "docker.io/library/my.app:latest"),
                arguments("my_app", "docker.io", "library/my_app", "latest", null, "docker.io/library/my_app:latest"),
                arguments("my__app", "docker.io", "library/my__app", "latest", null, "docker.io/library/my__app:latest"),
                arguments("my-app", "docker.io", "library/my-app", "latest", null, "docker.io/library/my-app:latest"),
                arguments("my---app", "docker.io", "library/my---app", "latest", null, "docker.io/library/my---app:latest"),
                arguments("a_b__c-d---e/f.g", "docker.io", "a_b__c-d---e/f.g", "latest", null, "docker.io/a_b__c-d---e/f.g:latest"),
                // a dot in the first component makes it a registry host
                arguments("a.b/d", "a.b", "d", "latest", null, "a.b/d:latest"),
                arguments("alice/app:_tag", "docker.io", "alice/app", "_tag", null, "docker.io/alice/app:_tag"),
                arguments("alice/app:Mixed.Case-Tag_1", "docker.io", "alice/app", "Mixed.Case-Tag_1", null,
                        "docker.io/alice/app:Mixed.Case-Tag_1"),
                arguments("alice/app:" + TAG_128, "docker.io", "alice/app", TAG_128, null, "docker.io/alice/app:" + TAG_128),
                arguments(REPO_245, "docker.io", REPO_245, "latest", null, "docker.io/" + REPO_245 + ":latest"),
                // Docker's own quirk: without a slash "localhost:5000" is the official image "localhost", tag "5000".
                arguments("localhost:5000", "docker.io", "library/localhost", "5000", null, "docker.io/library/localhost:5000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferences")
    void validReferencesAreNormalisedLikeDocker(String input, String registry, String repository, String tag,
                                                String digest, String canonical) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest == null ? null : Digest.parse(digest));
        assertThat(ref).hasToString(canonical);
        assertThat(ImageReference.parse(canonical)).isEqualTo(ref);
    }

    static Stream<Arguments> invalidReferences() {
        return Stream.of(
                // input, the part the message must name
                arguments("", "repository name is empty"),
                arguments(":", "repository name is empty"),
                arguments("@" + SHA256, "repository name is empty"),
                arguments("localhost/", "repository name is empty"),
                arguments("Foo/bar", "repository name must be lowercase"),
                arguments("alice/App", "repository name must be lowercase"),
                arguments("NGINX:latest", "repository name must be lowercase"),
                arguments("nginx/", "invalid repository name"),
                arguments("a//b", "invalid repository name"),
                arguments("_nginx", "invalid repository name"),
                arguments("-nginx", "invalid repository name"),
                arguments(".nginx", "invalid repository name"),
                arguments("nginx-", "invalid repository name"),
                arguments("a..b", "invalid repository name"),
                arguments("a___b", "invalid repository name"),
                arguments("a_.b", "invalid repository name"),
                arguments("ngi nx", "invalid repository name"),
                arguments(" nginx", "invalid repository name"),
                arguments("nginx\t", "invalid repository name"),
                arguments("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "repository name cannot be"),
                arguments("alice/" + "a".repeat(240), "name length 256 exceeds the maximum of 255"),
                arguments("example.com/" + "a/".repeat(125) + "a", "name length 263 exceeds the maximum of 255"),
                arguments("nginx:" + "t".repeat(129), "tag is 129 characters long"),
                arguments("nginx:.hidden", "invalid tag"),
                arguments("nginx:-x", "invalid tag"),
                arguments("nginx:", "invalid tag"),
                arguments("nginx: latest", "invalid tag"),
                arguments("nginx:a+b", "invalid tag"),
                arguments("nginx@sha256:abc", "invalid digest"),
                arguments("nginx@sha256:" + "E".repeat(64), "invalid digest"),
                arguments("nginx@md5:d41d8cd98f00b204e9800998ecf8427e", "invalid digest"),
                arguments("nginx@sha256", "invalid digest"),
                arguments("nginx@", "invalid digest"),
                arguments("nginx:1@" + SHA256 + "x", "invalid digest"),
                arguments("-bad.example.com/app", "invalid registry"),
                arguments("example.com:port/app", "invalid registry"),
                arguments("exa mple.com/app", "invalid registry"),
                arguments("[::1/app", "invalid registry"),
                arguments("a.b_c/d", "invalid registry host \"a.b_c\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReferences")
    void invalidReferencesAreRefusedNamingTheBadPart(String input, String expected) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("invalid reference \"" + input + "\": ")
                .hasMessageContaining(expected);
    }

    @Test
    void nullIsRefusedLikeTheEmptyString() {
        assertThatThrownBy(() -> ImageReference.parse(null)).isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name is empty");
    }

    @Test
    void uppercaseRepositoryMessageMatchesDocker() {
        assertThatThrownBy(() -> ImageReference.parse("Foo/bar"))
                .hasMessage("invalid reference \"Foo/bar\": repository name must be lowercase");
    }

    @Test
    void accessorsDescribeTheManifestRequest() {
        ImageReference tagged = ImageReference.parse("nginx:1.27");
        ImageReference pinned = ImageReference.parse("nginx:1.27@" + SHA256);

        assertThat(tagged.fullName()).isEqualTo("docker.io/library/nginx");
        assertThat(tagged.reference()).isEqualTo("1.27");
        assertThat(pinned.reference()).isEqualTo(SHA256);
        assertThat(tagged.isDockerHub()).isTrue();
        assertThat(ImageReference.parse("localhost:5000/a").isDockerHub()).isFalse();
    }

    @Test
    void withTagAndWithDigestReturnModifiedCopies() {
        ImageReference ref = ImageReference.parse("alice/app");
        Digest digest = Digest.parse(SHA256);

        assertThat(ref.withTag("2.0")).hasToString("docker.io/alice/app:2.0");
        assertThat(ref.withDigest(digest)).hasToString("docker.io/alice/app:latest@" + SHA256);
        assertThat(ref.withDigest(digest).withTag(null)).hasToString("docker.io/alice/app@" + SHA256);
    }

    @Test
    void theConstructorValidatesLikeParse() {
        assertThatThrownBy(() -> new ImageReference("docker.io", "Alice/app", "latest", null))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("must be lowercase");
        assertThatThrownBy(() -> ImageReference.parse("alice/app").withTag("-x"))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> new ImageReference("docker.io", "alice/app", null, null))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("a tag or a digest is required");
    }

    @ParameterizedTest(name = "\"{0}\" valid: {1}")
    @CsvSource({
            "library/nginx, true",
            "a, true",
            "a/b/c, true",
            "a.b_c__d-e---f, true",
            "Alice/app, false",
            "a..b, false",
            "a___b, false",
            "/a, false",
            "a/, false",
            "a//b, false",
            "docker.io/library/nginx, true",
            "localhost:5000/a, false",
    })
    void repositoryNamesFollowTheOciNameGrammar(String name, boolean valid) {
        assertThat(ImageReference.isValidRepositoryName(name)).isEqualTo(valid);
    }

    @Test
    void repositoryNamesAreAtMost255Characters() {
        assertThat(ImageReference.isValidRepositoryName("a".repeat(255))).isTrue();
        assertThat(ImageReference.isValidRepositoryName("a".repeat(256))).isFalse();
        assertThat(ImageReference.isValidRepositoryName(null)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" valid: {1}")
    @CsvSource({
            "latest, true",
            "1.27.0-alpine, true",
            "_x, true",
            "V1_a.b-c, true",
            ".x, false",
            "-x, false",
            "a/b, false",
            "a:b, false",
            "'', false",
    })
    void tagsFollowTheOciTagGrammar(String tag, boolean valid) {
        assertThat(ImageReference.isValidTag(tag)).isEqualTo(valid);
    }

    @Test
    void tagsAreAtMost128Characters() {
        assertThat(ImageReference.isValidTag(TAG_128)).isTrue();
        assertThat(ImageReference.isValidTag(TAG_128 + "t")).isFalse();
    }
}
