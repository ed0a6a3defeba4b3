package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.HubRepository;
import dev.hubsim.core.hub.HubTag;
import dev.hubsim.core.hub.NewRepository;
import dev.hubsim.core.hub.Page;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Repositories and tags through the client's Hub API against the simulator, over HTTP. */
class HubOperationsClientTest {
    private final HubClientCast cast = HubClientCast.start();
    private final HubClient alice = cast.alice().hub();

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void aPageOfRepositoriesHasTheCountAndLinks() {
        Page<HubRepository> first = alice.repositories().list("alice").page(1, 2);
        Page<HubRepository> second = alice.repositories().list("alice").page(2, 2);

        assertThat(first.count()).isEqualTo(3);
        assertThat(first.results()).extracting(HubRepository::name).containsExactly("multi", "open");
        assertThat(first.nextLink()).hasValueSatisfying(link -> assertThat(link).endsWith("page=2&page_size=2"));
        assertThat(first.previous()).isNull();
        assertThat(second.results()).extracting(HubRepository::name).containsExactly("secret");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void streamingAListFollowsNextAcrossPages() {
        IntStream.range(0, 120).forEach(i -> cast.simulator.registry()
                .createRepository("alice/r%03d".formatted(i), false, "", ""));

        List<String> names = alice.repositories().list("alice").stream().map(HubRepository::name).toList();

        assertThat(names).hasSize(123).startsWith("multi", "open", "r000").endsWith("r119", "secret");
        assertThat(cast.requests("/v2/namespaces/alice/repositories"))
                .containsExactly("GET /v2/namespaces/alice/repositories 200", "GET /v2/namespaces/alice/repositories 200");
    }

    @Test
    void aPagePastTheEndIsTheHubs404() {
        assertThatThrownBy(() -> alice.repositories().list("alice").page(9, 10))
                .isInstanceOfSatisfying(HubErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).isEqualTo("Invalid page.");
                })
                .hasMessage("Tried to list repositories on alice but failed because: the Hub API answered HTTP 404: "
                        + "Invalid page.");
    }

    @Test
    void oneRepositoryHasItsDescriptionsPermissionsAndDates() {
        HubRepository open = alice.repositories().get("alice", "open").orElseThrow();

        assertThat(open.fullName()).isEqualTo("alice/open");
        assertThat(open.description()).isEqualTo("Open one");
        assertThat(open.fullDescription()).isEqualTo("# Open\nA public repository.");
        assertThat(open.isPrivate()).isFalse();
        assertThat(open.statusDescription()).isEqualTo("Active");
        assertThat(open.permissions()).isEqualTo(new HubRepository.Permissions(true, true, true));
        assertThat(open.dateRegistered()).isNotNull();
        assertThat(open.lastUpdated()).isAfterOrEqualTo(open.dateRegistered());
        assertThat(open.storageSize()).isPositive();
        assertThat(alice.repositories().get("alice", "nothing")).isEmpty();
    }

    @Test
    void aCreatedRepositoryIsPrivateWhenAskedAndVisibleToItsOwnerOnly() {
        HubRepository created = alice.repositories().create(NewRepository.of("alice", "fresh")
                .withDescription("New one").asPrivate());

        assertThat(created.name()).isEqualTo("fresh");
        assertThat(created.isPrivate()).isTrue();
        assertThat(created.description()).isEqualTo("New one");
        assertThat(created.storageSize()).isNull();
        assertThat(cast.simulator.registry().repositoryView("alice/fresh")).isPresent();
        assertThat(cast.anonymous().build().hub().repositories().get("alice", "fresh")).isEmpty();
    }

    @Test
    void creatingABadOrTakenNameIsTheHubsFieldError() {
        assertThatThrownBy(() -> alice.repositories().create(NewRepository.of("alice", "Bad Name")))
                .isInstanceOfSatisfying(HubErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fields()).containsOnlyKeys("name");
                })
                .hasMessageContaining("Tried to create repository on alice/Bad Name but failed because: the Hub API "
                        + "answered HTTP 400: name: name must be 2 to 255 characters");
        assertThatThrownBy(() -> alice.repositories().create(NewRepository.of("alice", "open")))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.fields())
                        .isEqualTo(Map.of("name", List.of("Repository with this Name and Namespace already exists."))));
    }

    @Test
    void anOutsiderCannotCreateInAnotherNamespace() {
        HubClient bob = cast.anonymous().credentials("bob", SecretString.of(HubClientCast.BOB_PASSWORD)).build().hub();

        assertThatThrownBy(() -> bob.repositories().create(NewRepository.of("alice", "intruder")))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("you may not create repositories in alice");
    }

    @Test
    void aDeletedRepositoryIsGoneFromHubAndRegistry() {
        alice.repositories().delete("alice", "secret");

        assertThat(alice.repositories().get("alice", "secret")).isEmpty();
        assertThat(cast.simulator.registry().repositoryView("alice/secret")).isEmpty();
        assertThatThrownBy(() -> alice.repositories().delete("alice", "secret"))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void tagsListNewestFirstWithDigestsSizesAndPlatforms() {
        List<HubTag> tags = alice.tags().list("alice", "open").stream().toList();
        HubTag multi = alice.tags().get("alice", "multi", "2.0").orElseThrow();

        assertThat(tags).extracting(HubTag::name).containsExactly("2.0", "1.0");
        assertThat(tags.get(0).digest()).startsWith("sha256:");
        assertThat(tags.get(0).fullSize()).isPositive().isEqualTo(tags.get(0).images().get(0).size());
        assertThat(tags.get(0).tagStatus()).isEqualTo("active");
        assertThat(tags.get(0).v2()).isTrue();
        assertThat(tags.get(0).tagLastPushed()).isNotNull();
        assertThat(multi.images()).extracting(HubTag.Image::platform).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(multi.images()).allSatisfy(image -> assertThat(image.digest()).startsWith("sha256:"));
        assertThat(multi.fullSize()).isEqualTo(multi.images().get(0).size());
        assertThat(alice.tags().list("alice", "open").page(1, 1).count()).isEqualTo(2);
        assertThat(alice.tags().get("alice", "open", "9.9")).isEmpty();
    }

    @Test
    void aDeletedTagIsGoneFromTheHubAndTheRegistry() {
        alice.tags().delete("alice", "open", "1.0");

        assertThat(alice.tags().get("alice", "open", "1.0")).isEmpty();
        assertThat(alice.tags().list("alice", "open").stream().map(HubTag::name)).containsExactly("2.0");
        assertThat(cast.simulator.registry().repositoryView("alice/open").orElseThrow().tags())
                .noneMatch(tag -> tag.name().equals("1.0"));
    }

    @Test
    void anonymousCallersCannotDeleteTags() {
        assertThatThrownBy(() -> cast.anonymous().build().hub().tags().delete("alice", "open", "1.0"))
                .hasMessageContaining("Tried to delete tag 1.0 on alice/open but failed because: the Hub API refused "
                        + "the request as unauthenticated (HTTP 401): Authentication credentials were not provided.");
    }
}
