package dev.hubsim.core.error;

import java.util.List;

/** An image index has no manifest for the platform asked for; {@link #available()} lists the ones it has. */
public final class NoMatchingPlatformException extends DockerHubException {
    private final String wanted;
    private final List<String> available;

    /**
     * @param wanted    the platform asked for, e.g. {@code linux/s390x}
     * @param available the platforms of the index entries, e.g. {@code linux/amd64}
     */
    public NoMatchingPlatformException(String operation, String target, String wanted, List<String> available) {
        super(operation, target, "the image index has no manifest for " + wanted + "; it has "
                + (available.isEmpty() ? "no platform entries" : String.join(", ", available)), null);
        this.wanted = wanted;
        this.available = List.copyOf(available);
    }

    public String wanted() {
        return wanted;
    }

    public List<String> available() {
        return available;
    }
}
