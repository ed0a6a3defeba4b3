/**
 * The recording format: interactions captured from a registry, stored without secrets, replayed later.
 *
 * <p>A recording is a directory holding {@code interactions.json} (the {@link Recording}: metadata and the
 * {@link Interaction}s in order) and {@code blobs/sha256/<hex>} for bodies larger than {@link Body#INLINE_LIMIT}.
 * {@link RecordingWriter} records (scrubbing secrets first), {@link RecordingReader} loads, {@link Matcher} finds the
 * interaction that answers a request, {@link SecretScanner} proves that nothing secret reached the disk.
 */
package dev.hubsim.recordings;
