package dev.hubsim.dsl;

/**
 * A repository as the Hub shows it.
 *
 * @param name      e.g. {@code alice/app}
 * @param isPrivate whether only its owners can pull it
 * @param pullCount pulls so far
 */
public record RepositoryInfo(String name, boolean isPrivate, String description, long pullCount) {
}
