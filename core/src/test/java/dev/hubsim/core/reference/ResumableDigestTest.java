package dev.hubsim.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResumableDigestTest {
    private static final byte[] CONTENT = random(100_000);

    @Test
    void bytesFedAgainAfterAResumeGoIntoTheDigestOnce() {
        ResumableDigest digest = new ResumableDigest(DigestAlgorithm.SHA256);

        feed(digest, 0, 70_000);      // a PATCH sent 70 000 bytes, then failed
        feed(digest, 40_000, 100_000); // the server held 40 000: the rest is read and sent again from there
        feed(digest, 99_999, 100_000); // and once more, the last byte only

        assertThat(digest.length()).isEqualTo(CONTENT.length);
        assertThat(digest.digest()).isEqualTo(Digest.sha256(CONTENT));
    }

    @Test
    void sha512IsFedTheSameWay() {
        ResumableDigest digest = new ResumableDigest(DigestAlgorithm.SHA512);

        feed(digest, 0, 12_345);
        feed(digest, 0, 100_000);

        assertThat(digest.digest()).isEqualTo(Digest.of(DigestAlgorithm.SHA512, CONTENT));
    }

    @Test
    void bytesPastAGapAreRefusedAndLeaveTheDigestAsItWas() {
        ResumableDigest digest = new ResumableDigest(DigestAlgorithm.SHA256);
        feed(digest, 0, 1_000);

        assertThatThrownBy(() -> feed(digest, 1_001, 2_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytes from 1001 on cannot be digested before bytes 1000 to 1000");

        assertThat(digest.length()).isEqualTo(1_000);
        feed(digest, 1_000, 100_000);
        assertThat(digest.digest()).isEqualTo(Digest.sha256(CONTENT));
    }

    /** Feeds bytes {@code from} to {@code to - 1} of the content in reads of at most 4 000 bytes. */
    private static void feed(ResumableDigest digest, int from, int to) {
        for (int position = from; position < to; position += 4_000) {
            digest.update(position, CONTENT, position, Math.min(4_000, to - position));
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
