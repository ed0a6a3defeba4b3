package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Django REST framework's page-number pagination, as Docker Hub answers it, on 105 repositories of alice. */
class HubPaginationHttpTest {
    private static final String LIST = "/v2/namespaces/alice/repositories";
    private static HubCast cast;
    private static String origin;

    @BeforeAll
    static void start() {
        cast = HubCast.start();
        origin = cast.simulator.baseUri().toString();
        String alice = cast.hub.login("alice", HubCast.ALICE_PASSWORD);
        for (int i = 0; i < 102; i++) {
            cast.hub.post(LIST, Map.of("name", String.format("r%03d", i), "namespace", "alice"), alice).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        cast.close();
    }

    @Test
    void theDefaultPageHoldsTenWithAnAbsoluteNextLink() {
        JsonNode page = cast.hub.get(LIST, null).expect(200).json();

        assertThat(page.path("count").asInt()).isEqualTo(104);
        assertThat(page.path("results")).hasSize(10);
        assertThat(page.path("next").asText()).isEqualTo(origin + LIST + "?page=2");
        assertThat(page.path("previous").isNull()).isTrue();
    }

    @Test
    void linksKeepTheOtherParametersAndDropPageOnTheWayToPageOne() {
        JsonNode second = cast.hub.get(LIST + "?page_size=3&page=2&ordering=name", null).expect(200).json();

        assertThat(second.path("next").asText()).isEqualTo(origin + LIST + "?ordering=name&page=3&page_size=3");
        assertThat(second.path("previous").asText()).isEqualTo(origin + LIST + "?ordering=name&page_size=3");
        assertThat(second.path("results").get(0).path("name").asText()).isEqualTo("r001");
        JsonNode third = cast.hub.get(second.path("next").asText().substring(origin.length()), null).json();
        assertThat(third.path("previous").asText()).isEqualTo(origin + LIST + "?ordering=name&page=2&page_size=3");
        assertThat(third.path("results").get(0).path("name").asText()).isEqualTo("r004");
    }

    @Test
    void theLastPageHasNoNextLink() {
        JsonNode last = cast.hub.get(LIST + "?page=2&page_size=100", null).expect(200).json();

        assertThat(last.path("results")).hasSize(4);
        assertThat(last.path("next").isNull()).isTrue();
        assertThat(last.path("previous").asText()).isEqualTo(origin + LIST + "?page_size=100");
    }

    @Test
    void aPageSizeAbove100GivesAHundredRows() {
        assertThat(cast.hub.get(LIST + "?page_size=101", null).expect(200).json().path("results")).hasSize(100);
        assertThat(cast.hub.get(LIST + "?page_size=100000", null).json().path("results")).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten", ""})
    void aPageSizeThatIsNoPositiveNumberFallsBackToTen(String pageSize) {
        assertThat(cast.hub.get(LIST + "?page_size=" + pageSize, null).expect(200).json().path("results")).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "3", "999"})
    void aPageThatIsNoneOrPastTheEndIs404InvalidPage(String page) {
        Reply reply = cast.hub.get(LIST + "?page_size=100&page=" + page, null).expect(404);

        assertThat(reply.json().path("detail").asText()).isEqualTo("Invalid page.");
    }

    @Test
    void anEmptyFirstPageIsNoError() {
        JsonNode page = cast.hub.get("/v2/namespaces/nobody/repositories?page=1", null).expect(200).json();

        assertThat(page.path("count").asInt()).isZero();
        cast.hub.get("/v2/namespaces/nobody/repositories?page=2", null).expect(404);
    }

    @Test
    void tagListsPaginateTheSameWay() {
        JsonNode page = cast.hub.get("/v2/namespaces/alice/repositories/open/tags?page_size=0", null).expect(200).json();

        assertThat(page.path("count").asInt()).isEqualTo(1);
        assertThat(page.path("next").isNull()).isTrue();
        cast.hub.get("/v2/namespaces/alice/repositories/open/tags?page=2", null).expect(404);
    }
}
