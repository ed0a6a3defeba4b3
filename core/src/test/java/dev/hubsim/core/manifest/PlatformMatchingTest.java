package dev.hubsim.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The running platform in OCI names, and which index entries satisfy a wanted platform. */
class PlatformMatchingTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "Linux, amd64, linux/amd64",
            "Linux, x86_64, linux/amd64",
            "Linux, aarch64, linux/arm64",
            "Mac OS X, aarch64, linux/arm64",
            "Windows Server 2022, amd64, windows/amd64",
            "Linux, i686, linux/386",
            "Linux, arm, linux/arm",
            "Linux, ppc64le, linux/ppc64le",
            "Linux, s390x, linux/s390x"})
    void theJvmsOsAndArchitectureMapToOciNames(String osName, String osArch, String expected) {
        assertThat(Platform.ofRuntime(osName, osArch)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0} satisfies {1}: {2}")
    @CsvSource({
            "linux/amd64, linux/amd64, true",
            "linux/arm64/v8, linux/arm64, true",
            "linux/arm64, linux/arm64/v8, true",
            "linux/arm/v7, linux/arm, true",
            "linux/arm/v6, linux/arm/v7, false",
            "linux/arm64, linux/amd64, false",
            "windows/amd64, linux/amd64, false"})
    void anEntrySatisfiesAWantedPlatformOfTheSameOsAndArchitectureAndAnyVariantNamed(String entry, String wanted,
                                                                                    boolean satisfies) {
        assertThat(Platform.parse(entry).satisfies(Platform.parse(wanted))).isEqualTo(satisfies);
    }
}
