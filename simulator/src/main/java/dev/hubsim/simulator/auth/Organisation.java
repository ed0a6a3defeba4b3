package dev.hubsim.simulator.auth;

import java.util.Set;

/** A Docker Hub organisation: a namespace whose members may push to it and read its private repositories. */
public record Organisation(String name, String id, Set<String> members) {
    public Organisation {
        members = Set.copyOf(members);
    }
}
