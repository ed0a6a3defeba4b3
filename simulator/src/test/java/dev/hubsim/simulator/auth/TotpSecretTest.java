package dev.hubsim.simulator.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpSecretTest {
    /** RFC 6238's SHA-1 secret, "12345678901234567890", in base32. */
    private static final TotpSecret RFC = TotpSecret.parse("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    /** RFC 6238 appendix B (SHA-1), the last six of its eight digits. */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
            "20000000000, 353130"})
    void codesMatchTheRfcTestVectors(long seconds, String code) {
        assertThat(RFC.codeAt(Instant.ofEpochSecond(seconds))).isEqualTo(code);
    }

    @Test
    void theStepBeforeAndAfterAreAcceptedButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        String code = RFC.codeAt(now);

        assertThat(RFC.accepts(code, now)).isTrue();
        assertThat(RFC.accepts(code, now.plusSeconds(30))).isTrue();
        assertThat(RFC.accepts(code, now.minusSeconds(30))).isTrue();
        assertThat(RFC.accepts(code, now.plusSeconds(60))).isFalse();
        assertThat(RFC.accepts(null, now)).isFalse();
        assertThat(RFC.accepts("12345", now)).isFalse();
    }

    @Test
    void lowercaseSpacesAndPaddingAreAccepted() {
        Instant at = Instant.ofEpochSecond(59);
        assertThat(TotpSecret.parse("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====").codeAt(at)).isEqualTo("287082");
    }

    @Test
    void aBadSecretFailsWithoutEchoingItAndToStringHidesIt() {
        assertThatThrownBy(() -> TotpSecret.parse("NOT-BASE32-SECRET!")).hasMessageNotContaining("NOT-BASE32")
                .hasMessageContaining("base32");
        assertThatThrownBy(() -> TotpSecret.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RFC.toString()).isEqualTo("TotpSecret[****]");
    }
}
