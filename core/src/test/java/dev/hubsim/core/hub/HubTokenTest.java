package dev.hubsim.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HubTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EXP = Instant.parse("2025-01-01T00:10:00Z");

    @Test
    void expiryIsTheExpClaimOfThePayload() {
        String jwt = Jwts.expiringAt(EXP);

        HubToken token = HubToken.parse(jwt, JSON);

        assertThat(token.expiresAt()).isEqualTo(EXP);
        assertThat(token.jwt().reveal()).isEqualTo(jwt);
        assertThat(token.toString()).doesNotContain(jwt);
    }

    @ParameterizedTest
    @CsvSource({"-600, VALID", "-31, VALID", "-30, EXPIRING", "-1, EXPIRING", "0, EXPIRED", "3600, EXPIRED"})
    void stateFollowsTheTimeLeftWithAThirtySecondMargin(long secondsFromExpiry, HubTokenState expected) {
        assertThat(HubTokenState.of(EXP, EXP.plusSeconds(secondsFromExpiry))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sub\":\"alice\"}", "{\"exp\":\"tomorrow\"}", "{\"exp\":-5}", "[1,2]"})
    void aPayloadWithoutANumericExpIsRefused(String payload) {
        assertThatThrownBy(() -> HubToken.parse(Jwts.withPayload(payload), JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the token's payload has no numeric 'exp' claim");
    }

    @Test
    void aTokenThatIsNoJwtIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HubToken.parse("opaque-secret-token", JSON))
                .hasMessage("the token is not a JWT (expected 3 dot-separated parts, got 1)");
        assertThatThrownBy(() -> HubToken.parse("a.%%%.c", JSON))
                .hasMessage("the token's payload is not base64url-encoded JSON");
    }
}
