package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.TotpSecret;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a seed file gives the Hub API: two-factor secrets and repository descriptions. */
class HubSeedFileTest {
    private static final String SEED = """
            users:
              - name: tess
                password: tess-password
                totp_secret: JBSWY3DPEHPK3PXP
            repositories:
              - name: tess/docs
                description: Short words
                full_description: "# Long\\nwords"
            """;

    @TempDir
    Path directory;

    @Test
    void aSeededTotpSecretTurnsOnTwoFactorAndDescriptionsShow() throws IOException {
        Seed seed = Seed.load(Files.writeString(directory.resolve("seed.yaml"), SEED));
        TestClock clock = new TestClock();
        try (Simulator simulator = Simulator.builder().auth(AuthMode.TOKEN).clock(clock).seed(seed).start()) {
            HubApiClient hub = new HubApiClient(simulator.baseUri());

            String loginToken = hub.post("/v2/users/login", Map.of("username", "tess", "password", "tess-password"), null)
                    .expect(401).json().path("login_2fa_token").asText();
            String code = TotpSecret.parse("JBSWY3DPEHPK3PXP").codeAt(clock.instant());
            hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code", code), null).expect(200);
            JsonNode repository = hub.get("/v2/namespaces/tess/repositories/docs", null).expect(200).json();
            assertThat(repository.path("description").asText()).isEqualTo("Short words");
            assertThat(repository.path("full_description").asText()).isEqualTo("# Long\nwords");
            assertThat(seed.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
            assertThat(seed.users().get(0).toString()).doesNotContain("JBSWY3DPEHPK3PXP");
        }
    }

    @Test
    void aBadTotpSecretFailsWhenLoadedNamingTheUserButNotTheSecret() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.yaml"),
                "users: [{name: tess, password: p, totp_secret: 'not-base32-1'}]");

        assertThatThrownBy(() -> Seed.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tess").hasMessageContaining("totp_secret").hasMessageNotContaining("not-base32-1");
    }

    @Test
    void aTotpSecretOfTheWrongTypeIsNotEchoed() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.yaml"),
                "users: [{name: tess, password: p, totp_secret: [SECRETVALUE]}]");

        assertThatThrownBy(() -> Seed.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totp_secret").hasMessageNotContaining("SECRETVALUE");
    }
}
