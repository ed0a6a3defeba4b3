package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.hub.HubCaller.Operation;
import java.util.Optional;

/**
 * The signed-in user's personal access tokens, {@code /v2/access-tokens[/{uuid}]} (reference §2.5). Docker Hub lets
 * only a session signed in with the password manage them.
 */
public final class AccessTokens {
    /** Tokens belong to the signed-in account: no other target. */
    private static final String WHERE = "";

    private final HubCaller caller;

    AccessTokens(HubCaller caller) {
        this.caller = caller;
    }

    /** {@code POST /v2/access-tokens} → 201; the answer is the only one that holds the secret. */
    public CreatedAccessToken create(NewAccessToken request) {
        Operation operation = new Operation("create access token " + request.tokenLabel(), WHERE);
        JsonNode answer = caller.exchange("POST", caller.url("v2", "access-tokens"), request, 201,
                caller.type(JsonNode.class), operation);
        JsonNode secret = answer.get("token");
        if (secret == null || !secret.isTextual() || secret.textValue().isEmpty()) {
            throw new ProtocolViolationException(operation.what(), WHERE, 201,
                    "the Hub created the token but its answer holds no 'token'");
        }
        PersonalAccessToken token = caller.json().convertValue(answer, PersonalAccessToken.class);
        return new CreatedAccessToken(token, SecretString.of(secret.textValue()));
    }

    /** {@code GET /v2/access-tokens}, newest first. */
    public PagedList<PersonalAccessToken> list() {
        return new PagedList<>(caller, caller.url("v2", "access-tokens"), PersonalAccessToken.class,
                new Operation("list access tokens", WHERE));
    }

    /** {@code GET /v2/access-tokens/{uuid}}; empty when there is none. */
    public Optional<PersonalAccessToken> get(String uuid) {
        return caller.find(caller.url("v2", "access-tokens", uuid), caller.type(PersonalAccessToken.class),
                new Operation("get access token " + uuid, WHERE));
    }

    /** {@code PATCH /v2/access-tokens/{uuid}}: relabel, deactivate or reactivate. */
    public PersonalAccessToken update(String uuid, AccessTokenChange change) {
        return caller.exchange("PATCH", caller.url("v2", "access-tokens", uuid), change, 200,
                caller.type(PersonalAccessToken.class), new Operation("update access token " + uuid, WHERE));
    }

    /** {@code DELETE /v2/access-tokens/{uuid}} → 204. */
    public void delete(String uuid) {
        caller.delete(caller.url("v2", "access-tokens", uuid), new Operation("delete access token " + uuid, WHERE));
    }
}
