package dev.hubsim.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretStringTest {

    @Test
    void neverPrintsTheSecret() {
        SecretString secret = SecretString.of("hunter2-very-secret");
        Credentials credentials = new Credentials("alice", secret);

        assertThat(secret).hasToString("****");
        assertThat(credentials.toString()).isEqualTo("Credentials[alice, ****]").doesNotContain("hunter2");
        assertThat(String.valueOf(new Object[] {secret}.length) + secret).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2-very-secret");
    }

    @Test
    void comparesBySecretWithoutRevealingItInTheHash() {
        assertThat(SecretString.of("a")).isEqualTo(SecretString.of("a")).isNotEqualTo(SecretString.of("b"));
        assertThat(SecretString.of("a").hashCode()).isEqualTo(SecretString.of("b").hashCode());
    }
}
