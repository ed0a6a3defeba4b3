package dev.hubsim.simulator.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest {

    @Test
    void matchesOnlyTheSecretItWasMadeFrom() {
        PasswordHash hash = PasswordHash.of("correct horse");

        assertThat(hash.matches("correct horse")).isTrue();
        assertThat(hash.matches("correct horse ")).isFalse();
        assertThat(hash.matches("Correct horse")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void anEmptySecretMatchesOnlyTheEmptySecret() {
        assertThat(PasswordHash.of("").matches("")).isTrue();
        assertThat(PasswordHash.of("").matches("x")).isFalse();
    }

    @Test
    void toStringShowsNeitherTheSecretNorTheHash() {
        PasswordHash hash = PasswordHash.of("s3cret-value");

        assertThat(hash.toString()).doesNotContain("s3cret").isEqualTo("PasswordHash[****]");
    }

    @Test
    void twoHashesOfTheSameSecretAreSaltedDifferentlyButBothMatch() {
        PasswordHash one = PasswordHash.of("same");
        PasswordHash two = PasswordHash.of("same");

        assertThat(one.matches("same")).isTrue();
        assertThat(two.matches("same")).isTrue();
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void nonAsciiSecretsMatch() {
        assertThat(PasswordHash.of("pässwörd-密码").matches("pässwörd-密码")).isTrue();
        assertThat(PasswordHash.of("pässwörd-密码").matches("passwort-密码")).isFalse();
    }
}
