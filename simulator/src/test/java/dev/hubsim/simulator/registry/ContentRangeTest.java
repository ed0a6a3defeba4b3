package dev.hubsim.simulator.registry;

import dev.hubsim.core.error.RegistryErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hubsim.simulator.registry.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class ContentRangeTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0-99", "bytes 0-99", "bytes=0-99", "0-99/100", "0-99/*", "bytes 0-99/100", " 0-99 "})
    void theDistributionAndDockerFormsParseToTheSameRange(String header) {
        ContentRange range = ContentRange.parse(header);

        assertThat(range).isEqualTo(new ContentRange(0, 99));
        assertThat(range.length()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"5-5, 5, 5, 1", "100-199, 100, 199, 100", "0-0, 0, 0, 1", "999999999999-1000000000000, 999999999999, 1000000000000, 2"})
    void startEndAndLengthAreInclusive(String header, long start, long end, long length) {
        ContentRange range = ContentRange.parse(header);

        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
        assertThat(range.length()).isEqualTo(length);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "-", "0-", "-99", "a-b", "0 - 99", "bytes:0-99", "items 0-99", "0-99/", "0-99/abc", "-1-5",
            "0-1234567890123456789", "0-99,200-299"})
    void aMalformedHeaderIsRangeInvalid(String header) {
        RegistryException e = refusal(() -> ContentRange.parse(header));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.RANGE_INVALID);
        assertThat(e.httpStatus()).isEqualTo(416);
        assertThat(e.getMessage()).contains(header);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"99-0", "10-9", "bytes 5-4"})
    void anEndBeforeTheStartIsRangeInvalid(String header) {
        RegistryException e = refusal(() -> ContentRange.parse(header));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.RANGE_INVALID);
        assertThat(e.httpStatus()).isEqualTo(416);
        assertThat(e.getMessage()).contains("ends before it starts");
    }
}
