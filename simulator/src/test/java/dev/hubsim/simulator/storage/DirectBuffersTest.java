package dev.hubsim.simulator.storage;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class DirectBuffersTest {
    @Test
    void aBufferGivenBackIsHandedOutAgainCleared() {
        DirectBuffers pool = new DirectBuffers(1024, 2);
        ByteBuffer buffer = pool.take();
        buffer.put(new byte[100]).limit(200);

        pool.give(buffer);
        ByteBuffer again = pool.take();

        assertThat(again).isSameAs(buffer);
        assertThat(again.isDirect()).isTrue();
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(1024);
    }

    @Test
    void buffersBeyondTheIdleLimitAreDropped() {
        DirectBuffers pool = new DirectBuffers(64, 1);
        ByteBuffer first = pool.take();
        ByteBuffer second = pool.take();

        pool.give(first);
        pool.give(second);

        assertThat(pool.take()).isSameAs(first);
        assertThat(pool.take()).isNotSameAs(second).isNotSameAs(first);
    }
}
