package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a recorded body is stored: inline as text, inline as base64, or in a blob file beside the recording. */
public enum BodyEncoding {
    /** Inline UTF-8 text (JSON bodies included), byte for byte. */
    @JsonProperty("text") TEXT,
    /** Inline base64 of bytes that are not printable UTF-8 text. */
    @JsonProperty("base64") BASE64,
    /** Stored once in {@code blobs/<algorithm>/<hex>}, addressed by the body's digest. */
    @JsonProperty("blob") BLOB
}
