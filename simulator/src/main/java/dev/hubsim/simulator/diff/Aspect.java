package dev.hubsim.simulator.diff;

/** What part of a response a {@link Difference} is about; the categories of the fidelity score. */
public enum Aspect {
    /** The HTTP status. */
    STATUS,
    /** The registry error codes of an {@code {"errors":[...]}} body, in order. */
    ERROR_CODE,
    /** A key header: its value, its shape ({@code Location}) or its presence ({@code Docker-Upload-UUID}, {@code WWW-Authenticate}). */
    HEADER,
    /** A top-level field of a small JSON body. */
    JSON,
    /** The bytes of a body that is not compared field by field (blobs, manifests). */
    BODY;

    /** The lowercase name used in reports and in the known-divergences file, e.g. {@code error-code}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
