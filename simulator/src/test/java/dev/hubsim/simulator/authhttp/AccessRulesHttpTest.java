package dev.hubsim.simulator.authhttp;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static dev.hubsim.simulator.authhttp.Hub.ALICE;
import static dev.hubsim.simulator.authhttp.Hub.BOB;
import static dev.hubsim.simulator.authhttp.Hub.CAROL;
import static dev.hubsim.simulator.authhttp.Hub.PAT_ADMIN;
import static dev.hubsim.simulator.authhttp.Hub.PAT_PUBLIC_READ;
import static dev.hubsim.simulator.authhttp.Hub.PAT_READ;
import static dev.hubsim.simulator.authhttp.Hub.PAT_WRITE;
import static dev.hubsim.simulator.authhttp.Hub.access;
import static dev.hubsim.simulator.authhttp.Hub.challenge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker Hub's rules end to end: who may pull, push and delete what, with passwords and each personal access token
 * scope, and cross-repository mounts. A fresh simulator per test, since tests push and delete.
 */
class AccessRulesHttpTest {
    private Hub hub;

    @BeforeEach
    void start() {
        hub = Hub.start();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private String pull(String credentials, String repository) {
        return hub.token(credentials, "repository:" + repository + ":pull");
    }

    private String push(String credentials, String repository) {
        return hub.token(credentials, "repository:" + repository + ":pull,push");
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Test
    void anonymousClientsPullPublicRepositories() {
        assertThat(hub.getManifest(pull(null, "library/nginx"), "library/nginx", "1.0").status()).isEqualTo(200);
        assertThat(hub.getManifest(pull(null, "alice/open"), "alice/open", "1.0").status()).isEqualTo(200);
    }

    @Test
    void aPrivateRepositoryIsInvisibleToAnonymousClients() {
        String token = pull(null, "alice/secret");

        Reply reply = hub.getManifest(token, "alice/secret", "1.0");

        assertThat(access(token)).isEmpty();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("error", "insufficient_scope");
        assertThat(hub.get(token, "/v2/alice/secret/tags/list").status()).isEqualTo(401);
    }

    @Test
    void aPrivateRepositoryAnswersLikeAMissingOneSoItsExistenceDoesNotLeak() {
        Reply secret = hub.getManifest(pull(BOB, "alice/secret"), "alice/secret", "1.0");
        Reply missing = hub.getManifest(pull(BOB, "alice/nothing"), "alice/nothing", "1.0");

        assertThat(secret.status()).isEqualTo(missing.status()).isEqualTo(401);
        assertThat(secret.errorCode()).isEqualTo(missing.errorCode());
        assertThat(challenge(secret).get("error")).isEqualTo(challenge(missing).get("error"));
    }

    @Test
    void aPrivateRepositoryIsInvisibleToOtherUsers() {
        String token = pull(BOB, "alice/secret");

        assertThat(access(token)).isEmpty();
        assertThat(hub.getManifest(token, "alice/secret", "1.0").status()).isEqualTo(401);
        assertThat(access(pull(BOB, "acme/internal"))).isEmpty();
    }

    @Test
    void theOwnerReadsItsPrivateRepository() {
        String token = pull(ALICE, "alice/secret");

        assertThat(hub.getManifest(token, "alice/secret", "1.0").status()).isEqualTo(200);
        String layer = hub.firstLayer(token, "alice/secret");
        assertThat(hub.get(token, "/v2/alice/secret/blobs/" + layer).status()).isEqualTo(200);
    }

    @Test
    void membersOfAnOrganisationReadItsPrivateRepositories() {
        assertThat(hub.getManifest(pull(CAROL, "acme/internal"), "acme/internal", "1.0").status()).isEqualTo(200);
        assertThat(hub.getManifest(pull(ALICE, "acme/internal"), "acme/internal", "1.0").status()).isEqualTo(200);
    }

    @Test
    void anOrganisationMemberDoesNotReadAnotherMembersPrivateRepository() {
        assertThat(access(pull(CAROL, "alice/secret"))).isEmpty();
    }

    @Test
    void aRepositoryMadePrivateLaterIsNoLongerGrantedToAnonymousClients() {
        hub.simulator.registry().setPrivate("alice/open", true);

        assertThat(access(pull(null, "alice/open"))).isEmpty();
        assertThat(access(pull(ALICE, "alice/open"))).containsExactly("repository:alice/open:pull");
    }

    // ---- pushing ---------------------------------------------------------------------------------------------

    @Test
    void aUserPushesToItsOwnNamespaceAndTheNewRepositoryIsPublic() {
        String token = push(ALICE, "alice/new-app");
        assertThat(access(token)).containsExactly("repository:alice/new-app:pull,push");

        hub.pushImage(token, "alice/new-app", "1.0", TestImages.dockerImage());

        assertThat(hub.simulator.registry().privacy("alice/new-app")).isEqualTo(Optional.of(false));
        assertThat(hub.getManifest(pull(null, "alice/new-app"), "alice/new-app", "1.0").status()).isEqualTo(200);
        assertThat(hub.getManifest(pull(BOB, "alice/new-app"), "alice/new-app", "1.0").status()).isEqualTo(200);
    }

    @Test
    void aMemberPushesToItsOrganisation() {
        String token = push(CAROL, "acme/tool");

        hub.pushImage(token, "acme/tool", "1.0", TestImages.ociImage());

        assertThat(hub.getManifest(pull(null, "acme/tool"), "acme/tool", "1.0").status()).isEqualTo(200);
    }

    @Test
    void aNonMemberCannotPushToAnOrganisation() {
        String token = push(BOB, "acme/tool");

        Reply reply = hub.post(token, "/v2/acme/tool/blobs/uploads/", new byte[0]);

        assertThat(access(token)).isEmpty();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("error", "insufficient_scope")
                .containsEntry("scope", "repository:acme/tool:pull,push");
    }

    @Test
    void aUserCannotPushToAnotherUsersNamespaceEvenIfThatRepositoryIsPublic() {
        String token = push(BOB, "alice/open");

        assertThat(access(token)).containsExactly("repository:alice/open:pull");
        assertThat(hub.post(token, "/v2/alice/open/blobs/uploads/", new byte[0]).status()).isEqualTo(401);
    }

    @Test
    void anonymousClientsCannotPush() {
        String token = push(null, "library/nginx");

        assertThat(hub.post(token, "/v2/library/nginx/blobs/uploads/", new byte[0]).status()).isEqualTo(401);
    }

    @Test
    void nobodyButTheLibraryOwnerPushesToLibrary() {
        assertThat(access(push(ALICE, "library/nginx"))).containsExactly("repository:library/nginx:pull");
        assertThat(access(push(ALICE, "nginx"))).doesNotContain("repository:nginx:pull,push");
    }

    @Test
    void aManifestPutWithAPullOnlyTokenIsInsufficientScope() {
        String token = pull(ALICE, "alice/open");
        TestImages.Image image = TestImages.dockerImage();

        Reply reply = hub.put(token, "/v2/alice/open/manifests/2.0", image.bytes(), "Content-Type", image.mediaType());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:alice/open:pull,push")
                .containsEntry("error", "insufficient_scope");
    }

    // ---- personal access token scopes --------------------------------------------------------------------------

    @Test
    void aPublicReadTokenReadsPublicRepositoriesButNotPrivateOnesAndCannotPush() {
        String credentials = "alice:" + PAT_PUBLIC_READ;

        assertThat(hub.getManifest(pull(credentials, "alice/open"), "alice/open", "1.0").status()).isEqualTo(200);
        assertThat(access(pull(credentials, "alice/secret"))).isEmpty();
        assertThat(hub.getManifest(pull(credentials, "alice/secret"), "alice/secret", "1.0").status()).isEqualTo(401);
        String pushToken = push(credentials, "alice/new-app");
        assertThat(access(pushToken)).doesNotContain("repository:alice/new-app:pull,push");
        assertThat(hub.post(pushToken, "/v2/alice/new-app/blobs/uploads/", new byte[0]).status()).isEqualTo(401);
    }

    @Test
    void aReadTokenReadsPrivateRepositoriesButCannotPush() {
        String credentials = "alice:" + PAT_READ;

        assertThat(hub.getManifest(pull(credentials, "alice/secret"), "alice/secret", "1.0").status()).isEqualTo(200);
        assertThat(hub.getManifest(pull(credentials, "acme/internal"), "acme/internal", "1.0").status()).isEqualTo(200);
        String pushToken = push(credentials, "alice/secret");
        assertThat(access(pushToken)).containsExactly("repository:alice/secret:pull");
        assertThat(hub.post(pushToken, "/v2/alice/secret/blobs/uploads/", new byte[0]).status()).isEqualTo(401);
    }

    @Test
    void aWriteTokenPushesButCannotDelete() {
        String credentials = "alice:" + PAT_WRITE;
        String token = hub.token(credentials, "repository:alice/new-app:pull,push,delete");
        assertThat(access(token)).containsExactly("repository:alice/new-app:pull,push");
        TestImages.Image image = TestImages.dockerImage();

        hub.pushImage(token, "alice/new-app", "1.0", image);
        Reply delete = hub.delete(token, "/v2/alice/new-app/manifests/" + image.digest());

        assertThat(delete.status()).isEqualTo(401);
        assertThat(challenge(delete)).containsEntry("scope", "repository:alice/new-app:delete")
                .containsEntry("error", "insufficient_scope");
        assertThat(hub.getManifest(pull(ALICE, "alice/new-app"), "alice/new-app", image.digest().toString()).status())
                .isEqualTo(200);
    }

    @Test
    void anAdminTokenDeletes() {
        String token = hub.token("alice:" + PAT_ADMIN, "repository:alice/new-app:pull,push,delete");
        assertThat(access(token)).containsExactly("repository:alice/new-app:pull,push,delete");
        TestImages.Image image = TestImages.dockerImage();
        hub.pushImage(token, "alice/new-app", image.digest().toString(), image);

        Reply delete = hub.delete(token, "/v2/alice/new-app/manifests/" + image.digest());

        assertThat(delete.status()).isEqualTo(202);
        assertThat(hub.getManifest(token, "alice/new-app", image.digest().toString()).status()).isEqualTo(404);
    }

    @Test
    void aManifestDeleteNeedsTheDeleteActionEvenWithPullAndPush() {
        TestImages.Image image = TestImages.dockerImage();
        String pushToken = push(ALICE, "alice/new-app");
        hub.pushImage(pushToken, "alice/new-app", image.digest().toString(), image);

        Reply refused = hub.delete(pushToken, "/v2/alice/new-app/manifests/" + image.digest());
        Reply accepted = hub.delete(hub.token(ALICE, "repository:alice/new-app:delete"),
                "/v2/alice/new-app/manifests/" + image.digest());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(202);
    }

    @Test
    void anotherUserCannotDelete() {
        String bobs = hub.token(BOB, "repository:alice/open:delete");

        assertThat(access(bobs)).isEmpty();
        assertThat(hub.delete(bobs, "/v2/alice/open/manifests/sha256:" + "a".repeat(64)).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PAT_PUBLIC_READ, PAT_READ, PAT_WRITE})
    void tokensBelowAdminAreNotGrantedDelete(String pat) {
        assertThat(access(hub.token("alice:" + pat, "repository:alice/open:delete"))).isEmpty();
    }

    // ---- cross-repository mount ----------------------------------------------------------------------------------

    @Test
    void aMountFromAReadableRepositoryIsCreated() {
        String layer = hub.firstLayer(pull(ALICE, "alice/secret"), "alice/secret");
        String token = hub.token(ALICE, "repository:alice/copy:pull,push", "repository:alice/secret:pull");

        Reply reply = hub.post(token, "/v2/alice/copy/blobs/uploads/?mount=" + layer + "&from=alice/secret", new byte[0]);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(layer);
    }

    @Test
    void aMountFromARepositoryTheClientCannotReadBecomesANormalUpload() {
        String layer = hub.firstLayer(pull(ALICE, "alice/secret"), "alice/secret");
        String token = hub.token(BOB, "repository:bob/copy:pull,push", "repository:alice/secret:pull");
        assertThat(access(token)).containsExactly("repository:bob/copy:pull,push");

        Reply reply = hub.post(token, "/v2/bob/copy/blobs/uploads/?mount=" + layer + "&from=alice/secret", new byte[0]);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("Location")).contains("/v2/bob/copy/blobs/uploads/");
        assertThat(hub.head(token, "/v2/bob/copy/blobs/" + layer).status()).isEqualTo(404);
    }

    @Test
    void aMountWhoseTokenLacksPullOnTheSourceBecomesANormalUploadEvenForTheOwner() {
        String layer = hub.firstLayer(pull(ALICE, "alice/secret"), "alice/secret");
        String token = push(ALICE, "alice/copy");

        Reply reply = hub.post(token, "/v2/alice/copy/blobs/uploads/?mount=" + layer + "&from=alice/secret", new byte[0]);

        assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    void aBlobPushedByTheOwnerCanBeCompletedAndReadBack() {
        String token = push(ALICE, "alice/blobs");
        byte[] content = TestImages.randomBytes(100);

        Digest digest = hub.pushBlob(token, "alice/blobs", content);

        assertThat(hub.get(token, "/v2/alice/blobs/blobs/" + digest).body()).isEqualTo(content);
    }
}
