package dev.hubsim.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.hubsim.core.reference.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestTest {
    private static final String D1 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String D2 = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String D3 = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static final String DOCKER_MANIFEST = """
            {
               "schemaVersion": 2,
               "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
               "config": {
                  "mediaType": "application/vnd.docker.container.image.v1+json",
                  "size": 7023,
                  "digest": "%s"
               },
               "layers": [
                  {
                     "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                     "size": 32654,
                     "digest": "%s"
                  },
                  {
                     "mediaType": "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
                     "size": 16724,
                     "digest": "%s",
                     "urls": ["https://mcr.microsoft.com/v2/windows/blobs/%s"]
                  }
               ]
            }""".formatted(D1, D2, D3, D3);

    private static final String OCI_ARTIFACT = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "artifactType":"application/vnd.example.sbom.v1+json",
             "config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"%s","size":2,"data":"e30="},
             "layers":[{"mediaType":"application/spdx+json","digest":"%s","size":1234,
                        "annotations":{"org.opencontainers.image.title":"sbom.spdx.json"}}],
             "subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":527},
             "annotations":{"org.opencontainers.image.created":"2025-01-01T00:00:00Z"}}
            """.formatted(D1, D2, D3);

    private static final String OCI_INDEX = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "manifests": [
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": 1024,
                 "platform": {"architecture": "amd64", "os": "linux"}},
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": 1025,
                 "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"}},
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": 1026,
                 "platform": {"architecture": "amd64", "os": "windows", "os.version": "10.0.20348.2340",
                              "os.features": ["win32k"]}}
              ],
              "annotations": {"org.opencontainers.image.ref.name": "1.0"}
            }""".formatted(D1, D2, D3);

    private static final String DOCKER_LIST = """
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json",
             "manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":7143,
                           "digest":"%s","platform":{"architecture":"ppc64le","os":"linux"}},
                          {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":7682,
                           "digest":"%s","platform":{"architecture":"arm","os":"linux","variant":"v7",
                                                     "features":["sse4"]}}]}""".formatted(D1, D2);

    @Test
    void dockerSchema2ManifestHasConfigAndLayers() {
        Manifest manifest = parse(DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST);

        assertThat(manifest.schemaVersion()).isEqualTo(2);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(manifest.isIndex()).isFalse();
        assertThat(manifest.config()).isEqualTo(Descriptor.of(MediaTypes.DOCKER_CONFIG, Digest.parse(D1), 7023));
        assertThat(manifest.layers()).extracting(Descriptor::size).containsExactly(32654L, 16724L);
        assertThat(manifest.layers().get(1).urls()).containsExactly("https://mcr.microsoft.com/v2/windows/blobs/" + D3);
        assertThat(manifest.blobReferences()).extracting(d -> d.digest().toString()).containsExactly(D1, D2, D3);
        assertThat(manifest.manifests()).isEmpty();
        assertThat(manifest.annotations()).isEmpty();
        assertThat(manifest.subjectDescriptor()).isEmpty();
        assertThat(manifest.effectiveArtifactType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
    }

    @Test
    void ociArtifactCarriesSubjectArtifactTypeAndAnnotations() {
        Manifest manifest = parse(OCI_ARTIFACT, null);

        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(manifest.artifactType()).isEqualTo("application/vnd.example.sbom.v1+json");
        assertThat(manifest.effectiveArtifactType()).isEqualTo("application/vnd.example.sbom.v1+json");
        assertThat(manifest.subjectDescriptor()).contains(Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.parse(D3), 527));
        assertThat(manifest.annotations()).containsExactly(Map.entry("org.opencontainers.image.created", "2025-01-01T00:00:00Z"));
        assertThat(manifest.layers().get(0).annotations()).containsEntry("org.opencontainers.image.title", "sbom.spdx.json");
        assertThat(manifest.config().mediaType()).isEqualTo(MediaTypes.OCI_EMPTY);
    }

    @Test
    void ociIndexListsPlatformsIncludingVariantAndOsVersion() {
        Manifest index = parse(OCI_INDEX, MediaTypes.OCI_INDEX);

        assertThat(index.isIndex()).isTrue();
        assertThat(index.config()).isNull();
        assertThat(index.layers()).isEmpty();
        assertThat(index.blobReferences()).isEmpty();
        assertThat(index.manifests()).extracting(d -> d.platform().toString())
                .containsExactly("linux/amd64", "linux/arm64/v8", "windows/amd64");
        assertThat(index.manifests().get(1).platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
        assertThat(index.manifests().get(2).platform())
                .isEqualTo(new Platform("amd64", "windows", null, "10.0.20348.2340", List.of("win32k")));
        assertThat(index.effectiveArtifactType()).isNull();
    }

    @Test
    void dockerManifestListIsAnIndex() {
        Manifest list = parse(DOCKER_LIST, "application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8");

        assertThat(list.isIndex()).isTrue();
        assertThat(list.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(list.manifests()).extracting(d -> d.platform().toString()).containsExactly("linux/ppc64le", "linux/arm/v7");
        assertThat(list.manifests()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.DOCKER_MANIFEST);
    }

    @ParameterizedTest(name = "content type {1}")
    @CsvSource(nullValues = "null", value = {
            "'{\"schemaVersion\":2,\"config\":" + "{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1},\"layers\":[]}', null, application/vnd.oci.image.manifest.v1+json",
            "'{\"schemaVersion\":2,\"config\":" + "{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1},\"layers\":[]}', application/octet-stream, application/vnd.oci.image.manifest.v1+json",
            "'{\"schemaVersion\":2,\"config\":" + "{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1},\"layers\":[]}', application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.v2+json",
            "'{\"schemaVersion\":2,\"manifests\":[]}', null, application/vnd.oci.image.index.v1+json",
            "'{\"schemaVersion\":2,\"manifests\":[]}', application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.list.v2+json",
    })
    void withoutAMediaTypeFieldTheTypeComesFromTheContentTypeOrTheShape(String json, String contentType, String expected) {
        assertThat(parse(json, contentType).mediaType()).isEqualTo(expected);
    }

    static Stream<Arguments> invalidManifests() {
        String config = "\"config\":{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1}";
        return Stream.of(
                // name, body, content type, expected message
                arguments("not JSON", "schemaVersion: 2", null, "manifest is not valid JSON"),
                arguments("truncated JSON", "{\"schemaVersion\":2,", null, "manifest is not valid JSON"),
                arguments("trailing garbage", "{\"schemaVersion\":2,\"manifests\":[]} {}", null, "manifest is not valid JSON"),
                arguments("duplicate key", "{\"schemaVersion\":2,\"manifests\":[],\"manifests\":[]}", null, "manifest is not valid JSON"),
                arguments("empty body", "", null, "manifest is empty"),
                arguments("an array", "[]", null, "manifest must be a JSON object, got ARRAY"),
                arguments("a string", "\"manifest\"", null, "manifest must be a JSON object, got STRING"),
                arguments("schema 1", "{\"schemaVersion\":1,\"name\":\"a\",\"tag\":\"t\",\"fsLayers\":[]}",
                        MediaTypes.DOCKER_MANIFEST_V1_SIGNED, "Docker Hub no longer accepts schema 1"),
                arguments("no schemaVersion", "{" + config + ",\"layers\":[]}", null, "schemaVersion must be the number 2"),
                arguments("schemaVersion as string", "{\"schemaVersion\":\"2\"," + config + ",\"layers\":[]}", null,
                        "schemaVersion must be the number 2"),
                arguments("schemaVersion 3", "{\"schemaVersion\":3," + config + ",\"layers\":[]}", null, "schemaVersion must be 2, got 3"),
                arguments("mismatched content type", "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                        + config + ",\"layers\":[]}", MediaTypes.DOCKER_MANIFEST,
                        "mediaType \"" + MediaTypes.OCI_MANIFEST + "\" does not match Content-Type \"" + MediaTypes.DOCKER_MANIFEST + "\""),
                arguments("unsupported mediaType", "{\"schemaVersion\":2,\"mediaType\":\"application/json\"," + config
                        + ",\"layers\":[]}", null, "mediaType \"application/json\" is not a supported manifest type"),
                arguments("no shape", "{\"schemaVersion\":2}", null, "manifest type unknown"),
                arguments("missing config", "{\"schemaVersion\":2,\"layers\":[]}", MediaTypes.OCI_MANIFEST,
                        "config is required in a " + MediaTypes.OCI_MANIFEST),
                arguments("missing layers", "{\"schemaVersion\":2," + config + "}", null, "layers is required"),
                arguments("layers not an array", "{\"schemaVersion\":2," + config + ",\"layers\":{}}", null, "layers must be an array"),
                arguments("index without manifests", "{\"schemaVersion\":2}", MediaTypes.OCI_INDEX, "manifests is required"),
                arguments("index with layers", "{\"schemaVersion\":2,\"manifests\":[],\"layers\":[]}", null,
                        "layers is not allowed in a " + MediaTypes.OCI_INDEX),
                arguments("manifest with manifests", "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                        + config + ",\"layers\":[],\"manifests\":[]}", null, "manifests is not allowed"),
                arguments("bad digest in a layer", "{\"schemaVersion\":2," + config
                        + ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1},"
                        + "{\"mediaType\":\"a/b\",\"digest\":\"sha256:abc\",\"size\":1}]}", null,
                        "layers[1].digest is invalid: invalid sha256 digest encoding"),
                arguments("missing digest", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"size\":1},\"layers\":[]}",
                        null, "config.digest is required"),
                arguments("negative size", "{\"schemaVersion\":2," + config
                        + ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":-1}]}", null,
                        "layers[0].size must be >= 0, got -1"),
                arguments("fractional size", "{\"schemaVersion\":2," + config
                        + ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"" + D1 + "\",\"size\":1.5}]}", null,
                        "layers[0].size must be an integer"),
                arguments("missing descriptor mediaType", "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + D1
                        + "\",\"size\":1}]}", null, "manifests[0].mediaType is required"),
                arguments("platform without os", "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\""
                        + D1 + "\",\"size\":1,\"platform\":{\"architecture\":\"amd64\"}}]}", null,
                        "manifests[0].platform needs both os and architecture"),
                arguments("annotation not a string", "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"a\":1}}",
                        null, "annotations.a must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifests")
    void invalidManifestsAreRefusedWithAClearMessage(String name, String json, String contentType, String expected) {
        assertThatThrownBy(() -> parse(json, contentType))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void effectiveArtifactTypeFallsBackToTheConfigMediaType() {
        String withoutArtifactType = OCI_ARTIFACT.replace("\"artifactType\":\"application/vnd.example.sbom.v1+json\",", "");
        String indexWithArtifactType = OCI_INDEX.replace("\"schemaVersion\": 2,",
                "\"schemaVersion\": 2, \"artifactType\": \"application/vnd.example.bundle\",");

        assertThat(parse(withoutArtifactType, null).effectiveArtifactType()).isEqualTo(MediaTypes.OCI_EMPTY);
        assertThat(parse(indexWithArtifactType, null).effectiveArtifactType()).isEqualTo("application/vnd.example.bundle");
    }

    @Test
    void theModelDoesNotDependOnKeyOrderOrWhitespace() {
        String reordered = """
                {"layers":[{"digest":"%s","size":32654,"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip"},\
                {"urls":["https://mcr.microsoft.com/v2/windows/blobs/%s"],"digest":"%s","size":16724,\
                "mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"}],\
                "config":{"digest":"%s","size":7023,"mediaType":"application/vnd.docker.container.image.v1+json"},\
                "mediaType":"application/vnd.docker.distribution.manifest.v2+json","schemaVersion":2}"""
                .formatted(D2, D3, D3, D1);

        assertThat(reordered).isNotEqualTo(DOCKER_MANIFEST);
        assertThat(parse(reordered, null)).isEqualTo(parse(DOCKER_MANIFEST, null));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String extended = OCI_INDEX.replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2, \"x-vendor\": {\"a\": [1, 2]},");

        assertThat(parse(extended, null)).isEqualTo(parse(OCI_INDEX, null));
    }

    @Test
    void listsAndMapsAreImmutable() {
        Manifest manifest = parse(OCI_ARTIFACT, null);

        assertThatThrownBy(() -> manifest.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.annotations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.layers().get(0).urls().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "linux/amd64, linux, amd64, ",
            "linux/arm64/v8, linux, arm64, v8",
            "windows/amd64, windows, amd64, ",
    })
    void platformsParseFromTheirShortForm(String text, String os, String architecture, String variant) {
        Platform platform = Platform.parse(text);

        assertThat(platform.os()).isEqualTo(os);
        assertThat(platform.architecture()).isEqualTo(architecture);
        assertThat(platform.variant()).isEqualTo(variant);
        assertThat(platform).hasToString(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"linux", "linux/", "/amd64", "linux/arm64/v8/extra", "''"})
    void malformedPlatformsAreRefused(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("os/architecture[/variant]");
    }

    private static Manifest parse(String json, String contentType) {
        return Manifest.parse(json.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
