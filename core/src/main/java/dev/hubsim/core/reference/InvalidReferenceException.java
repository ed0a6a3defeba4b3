package dev.hubsim.core.reference;

/**
 * An image reference that does not follow Docker's reference grammar. The message quotes the reference and
 * names the bad part: registry, repository, tag, digest or name length.
 */
public final class InvalidReferenceException extends IllegalArgumentException {
    public InvalidReferenceException(String reference, String problem) {
        super("invalid reference \"" + reference + "\": " + problem);
    }
}
