package dev.hubsim.simulator.seed;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A layer generated on the fly: an uncompressed tar holding one file of pseudo-random bytes from a fixed seed, so
 * the same description always gives the same digest, and a layer of any size costs no memory.
 */
public final class SyntheticLayer extends InputStream {
    private static final int BLOCK = 512;

    private final byte[] header;
    private final long contentLength;
    private final long totalLength;
    private final SplittableRandom random;
    private long position;
    private long word;
    private int wordBytesLeft;

    /** A tar of one file {@code fileName} holding {@code contentLength} bytes generated from {@code seed}. */
    public SyntheticLayer(String fileName, long contentLength, long seed) {
        this.header = tarHeader(fileName, contentLength);
        this.contentLength = contentLength;
        long paddedContent = (contentLength + BLOCK - 1) / BLOCK * BLOCK;
        this.totalLength = BLOCK + paddedContent + 2L * BLOCK;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** The length of the whole tar. */
    public long length() {
        return totalLength;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= totalLength) {
            return -1;
        }
        int n = (int) Math.min(length, totalLength - position);
        int done = 0;
        while (done < n) {
            long at = position + done;
            int run;
            if (at < BLOCK) {
                run = (int) Math.min(n - done, BLOCK - at);
                System.arraycopy(header, (int) at, buffer, offset + done, run);
            } else if (at - BLOCK < contentLength) {
                run = (int) Math.min(n - done, contentLength - (at - BLOCK));
                for (int i = 0; i < run; i++) {
                    buffer[offset + done + i] = nextRandomByte();
                }
            } else {
                run = n - done;
                Arrays.fill(buffer, offset + done, offset + n, (byte) 0);
            }
            done += run;
        }
        position += n;
        return n;
    }

    /** Random bytes taken eight at a time from one long, so the content never depends on how it is read. */
    private byte nextRandomByte() {
        if (wordBytesLeft == 0) {
            word = random.nextLong();
            wordBytesLeft = 8;
        }
        byte b = (byte) word;
        word >>>= 8;
        wordBytesLeft--;
        return b;
    }

    /** A ustar header for one regular file, with a fixed mode, owner and time so the bytes never vary. */
    private static byte[] tarHeader(String name, long size) {
        byte[] header = new byte[BLOCK];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
