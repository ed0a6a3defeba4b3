package dev.hubsim.core.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v2/namespaces/{ns}/repositories} (reference §2.3). The Hub checks it: a name of 2 to 255
 * lower-case letters, digits and single {@code . _ -} separators, a description of at most 100 characters.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRepository(String namespace, String name, String description, String fullDescription,
                            boolean isPrivate) {

    /** A public repository without descriptions. */
    public static NewRepository of(String namespace, String name) {
        return new NewRepository(namespace, name, null, null, false);
    }

    public NewRepository withDescription(String description) {
        return new NewRepository(namespace, name, description, fullDescription, isPrivate);
    }

    public NewRepository withFullDescription(String fullDescription) {
        return new NewRepository(namespace, name, description, fullDescription, isPrivate);
    }

    public NewRepository asPrivate() {
        return new NewRepository(namespace, name, description, fullDescription, true);
    }
}
