package dev.hubsim.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RegistryErrorCodeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "BLOB_UNKNOWN, 404",
            "BLOB_UPLOAD_UNKNOWN, 404",
            "DIGEST_INVALID, 400",
            "MANIFEST_BLOB_UNKNOWN, 400",
            "MANIFEST_INVALID, 400",
            "MANIFEST_UNKNOWN, 404",
            "NAME_UNKNOWN, 404",
            "UNAUTHORIZED, 401",
            "DENIED, 403",
            "UNSUPPORTED, 405",
            "TOOMANYREQUESTS, 429",
            "RANGE_INVALID, 416",
            "UNAVAILABLE, 503",
    })
    void codesAreAnsweredWithTheStatusOfTheSpec(RegistryErrorCode code, int status) {
        assertThat(code.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(RegistryErrorCode.class)
    void everyCodeIsFoundByItsNameAndHasADefaultMessage(RegistryErrorCode code) {
        assertThat(RegistryErrorCode.byName(code.name())).contains(code);
        assertThat(code.defaultMessage()).isNotBlank();
    }

    @Test
    void unknownOrMiscasedNamesAreNotFound() {
        assertThat(RegistryErrorCode.byName("NOT_A_CODE")).isEmpty();
        assertThat(RegistryErrorCode.byName("blob_unknown")).isEmpty();
        assertThat(RegistryErrorCode.byName(null)).isEmpty();
    }

    @Test
    void theRateLimitCodeCarriesDistributionsMessage() {
        assertThat(RegistryErrorCode.TOOMANYREQUESTS.defaultMessage()).isEqualTo("too many requests");
    }
}
