package dev.hubsim.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String ABC_SHA512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sha256:" + EMPTY_SHA256 + ", SHA256",
            "sha256:" + ABC_SHA256 + ", SHA256",
            "sha512:" + ABC_SHA512 + ", SHA512",
    })
    void validDigestsParseAndPrintUnchanged(String text, DigestAlgorithm algorithm) {
        Digest digest = Digest.parse(text);

        assertThat(digest.algorithm()).isEqualTo(algorithm);
        assertThat(digest.hex()).isEqualTo(text.substring(text.indexOf(':') + 1));
        assertThat(digest).hasToString(text);
        assertThat(Digest.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
            "'', digest is empty",
            EMPTY_SHA256 + ", has no algorithm prefix",
            "sha256:" + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855" + ", 64 lowercase hex",
            "sha256:" + ABC_SHA512 + ", 64 lowercase hex",
            "sha256:abc, 64 lowercase hex",
            "sha512:" + EMPTY_SHA256 + ", 128 lowercase hex",
            "sha256:" + "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" + ", 64 lowercase hex",
            "md5:d41d8cd98f00b204e9800998ecf8427e, 'digest algorithm ''md5'' is not supported'",
            "SHA256:" + EMPTY_SHA256 + ", is not a valid algorithm name",
            ":" + EMPTY_SHA256 + ", is not a valid algorithm name",
    })
    void invalidDigestsAreRefusedNamingTheProblem(String text, String expected) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(InvalidDigestException.class)
                .hasMessageContaining(expected);
        assertThat(Digest.isValid(text)).isFalse();
    }

    @Test
    void nullIsNotADigest() {
        assertThat(Digest.isValid(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}(\"{1}\")")
    @CsvSource({
            "SHA256, '', " + EMPTY_SHA256,
            "SHA256, abc, " + ABC_SHA256,
            "SHA512, abc, " + ABC_SHA512,
    })
    void bytesAndStreamsHashToKnownVectors(DigestAlgorithm algorithm, String content, String hex) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Digest expected = new Digest(algorithm, hex);

        assertThat(Digest.of(algorithm, bytes)).isEqualTo(expected);
        assertThat(Digest.of(algorithm, new ByteArrayInputStream(bytes))).isEqualTo(expected);
    }

    @Test
    void sha256IsTheShortcutForTheDefaultAlgorithm() {
        assertThat(Digest.sha256("abc".getBytes(StandardCharsets.UTF_8))).hasToString("sha256:" + ABC_SHA256);
    }

    @Test
    void streamingDigestOfALargeBodyEqualsTheDigestOfItsBytes() throws IOException {
        byte[] large = new byte[300_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        assertThat(Digest.of(DigestAlgorithm.SHA256, new ByteArrayInputStream(large))).isEqualTo(Digest.sha256(large));
    }

    @Test
    void digestingInputStreamCountsAndHashesEveryByteRead() throws IOException {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(bytes), DigestAlgorithm.SHA256)) {
            assertThat(in.read()).isEqualTo('a');
            assertThat(in.readAllBytes()).containsExactly('b', 'c');

            assertThat(in.count()).isEqualTo(3);
            assertThat(in.digest()).hasToString("sha256:" + ABC_SHA256);
        }
    }

    @Test
    void digestingInputStreamRefusesToSkipBytes() throws IOException {
        try (InputStream in = new DigestingInputStream(new ByteArrayInputStream(new byte[10]), DigestAlgorithm.SHA256)) {
            assertThatThrownBy(() -> in.skip(5)).isInstanceOf(IOException.class);
            assertThat(in.markSupported()).isFalse();
        }
    }

    @Test
    void theConstructorRefusesAnEncodingOfTheWrongLength() {
        assertThatThrownBy(() -> new Digest(DigestAlgorithm.SHA512, EMPTY_SHA256))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining("sha512");
    }
}
