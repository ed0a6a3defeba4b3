package dev.hubsim.core.registry;

/** How a cross-repository mount ended. */
public enum MountOutcome {
    /** The registry linked the blob from the other repository (201): nothing was uploaded. */
    MOUNTED,
    /** The registry could not mount (202) and the blob was uploaded into the session it opened. */
    UPLOADED
}
