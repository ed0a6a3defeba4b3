package dev.hubsim.core.webhook;

import static dev.hubsim.core.webhook.Payloads.bytes;
import static dev.hubsim.core.webhook.Payloads.pushWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.hub.VulnerabilityCounts;
import dev.hubsim.core.reference.Digest;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookPayloadParserTest {
    private final WebhookPayloadParser parser = new WebhookPayloadParser();

    @Test
    void dockerHubsPushPayloadIsAnImagePushedEvent() {
        WebhookEvent event = parser.parse(bytes(Payloads.PUSH));

        assertThat(event).isInstanceOfSatisfying(ImagePushed.class, pushed -> {
            assertThat(pushed.tag()).isEqualTo("1.4.2");
            assertThat(pushed.pusher()).isEqualTo("alice");
            assertThat(pushed.pushedAt()).isEqualTo(Instant.ofEpochSecond(1748779200));
            assertThat(pushed.images()).isEmpty();
            assertThat(pushed.callbackUrl()).contains(
                    URI.create("https://registry.hub.docker.com/u/acme/web/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/"));
        });
        assertThat(event.repository()).isEqualTo(new WebhookRepository("acme", "web", "acme/web", "acme", "Front end",
                "Long README text", true, false, false, 3, 0, Instant.ofEpochSecond(1673251200),
                URI.create("https://registry.hub.docker.com/u/acme/web/"), "Active"));
    }

    @Test
    void olderPayloadsWithFloatTimesAndImageListsAreAccepted() {
        ImagePushed pushed = (ImagePushed) parser.parse(pushWith("\"pushed_at\": 1748779200",
                "\"pushed_at\": 1.417566161e+09, \"images\": [\"27d47432a69b\", \"51a9c7c1f8bb\"]"));

        assertThat(pushed.pushedAt()).isEqualTo(Instant.ofEpochSecond(1417566161));
        assertThat(pushed.images()).containsExactly("27d47432a69b", "51a9c7c1f8bb");
    }

    @Test
    void unknownFieldsAreIgnoredAndOptionalOnesMayBeMissing() {
        WebhookEvent event = parser.parse(bytes("""
                {"push_data": {"pushed_at": 1, "pusher": "bob", "tag": "latest", "new_field": {"x": 1}},
                 "repository": {"namespace": "library", "name": "nginx", "repo_name": "library/nginx"},
                 "added_by_docker_later": true}"""));

        assertThat(event.callbackUrl()).isEmpty();
        assertThat(event.repository().owner()).isNull();
        assertThat(event.repository().starCount()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"tag\": \"1.4.2\"|\"tig\": \"1.4.2\"|push_data.tag: missing",
        "\"tag\": \"1.4.2\"|\"tag\": 142|push_data.tag: must be a string, got the number 142",
        "\"tag\": \"1.4.2\"|\"tag\": \"\"|push_data.tag: must not be empty",
        "\"tag\": \"1.4.2\"|\"tag\": \"-bad/tag\"|push_data.tag: '-bad/tag' is not a tag",
        "\"pusher\": \"alice\"|\"pusher\": null|push_data.pusher: missing",
        "\"pushed_at\": 1748779200|\"pushed_at\": \"yesterday\"|push_data.pushed_at: must be a non-negative number of seconds since 1970, got a string",
        "\"namespace\": \"acme\"|\"namespace\": \"Acme\"|repository.namespace: 'Acme' is not a repository name component",
        "\"repo_name\": \"acme/web\"|\"repo_name\": \"acme/api\"|repository.repo_name: is 'acme/api' but namespace and name make acme/web",
        "\"is_private\": true|\"is_private\": \"yes\"|repository.is_private: must be true or false, got a string",
        "\"star_count\": 3|\"star_count\": -3|repository.star_count: must be a non-negative whole number, got the number -3",
        "\"callback_url\": \"https|\"callback_url\": \"ftp|callback_url: must be an absolute http(s) URL",
    })
    void aMalformedPushPayloadNamesTheFieldAndTheProblem(String from, String to, String message) {
        assertThatThrownBy(() -> parser.parse(pushWith(from, to)))
                .isInstanceOf(InvalidWebhookPayloadException.class)
                .hasMessageStartingWith("invalid Docker Hub webhook payload: " + message);
    }

    @Test
    void theFieldAndProblemAreDataOfTheException() {
        assertThatThrownBy(() -> parser.parse(pushWith("\"repository\": {", "\"repositories\": {")))
                .isInstanceOfSatisfying(InvalidWebhookPayloadException.class, e -> {
                    assertThat(e.field()).isEqualTo("repository");
                    assertThat(e.problem()).isEqualTo("missing");
                });
    }

    @Test
    void aBodyThatIsNoJsonObjectOrHasNoEventIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"push_data\": ")))
                .hasMessageStartingWith("invalid Docker Hub webhook payload: (body): is not JSON");
        assertThatThrownBy(() -> parser.parse(bytes("[1, 2]")))
                .hasMessage("invalid Docker Hub webhook payload: (body): must be a JSON object");
        assertThatThrownBy(() -> parser.parse(bytes("")))
                .hasMessage("invalid Docker Hub webhook payload: (body): must be a JSON object");
        assertThatThrownBy(() -> parser.parse(bytes("{\"repository\": " + Payloads.REPOSITORY + "}")))
                .hasMessage("invalid Docker Hub webhook payload: push_data: missing: a payload has push_data "
                        + "(Docker Hub), delete_data or scan_data");
        assertThatThrownBy(() -> parser.parse(pushWith("\"push_data\"", "\"delete_data\": {}, \"push_data\"")))
                .hasMessage("invalid Docker Hub webhook payload: push_data, delete_data: a payload has only one of "
                        + "push_data, delete_data and scan_data");
    }

    @Test
    void hubsimsTagDeletedPayloadIsATagDeletedEvent() {
        WebhookEvent event = parser.parse(bytes("""
                {"delete_data": {"deleted_at": 1748780000, "deleter": "alice", "tag": "old"},
                 "repository": %s}""".formatted(Payloads.REPOSITORY)));

        assertThat(event).isEqualTo(new TagDeleted(event.repository(), "old", "alice",
                Instant.ofEpochSecond(1748780000), Optional.empty()));
        assertThat(event.repository().repoName()).isEqualTo("acme/web");
    }

    @Test
    void hubsimsScanCompletedPayloadIsAScanCompletedEvent() {
        String digest = "sha256:" + "ab".repeat(32);
        WebhookEvent event = parser.parse(bytes("""
                {"scan_data": {"scanned_at": 1748781000, "tag": "1.4.2", "digest": "%s",
                               "summary": {"critical": 1, "high": 2, "low": 4, "total": 7}},
                 "repository": %s}""".formatted(digest, Payloads.REPOSITORY)));

        assertThat(event).isInstanceOfSatisfying(ScanCompleted.class, scan -> {
            assertThat(scan.digest()).isEqualTo(Digest.parse(digest));
            assertThat(scan.scannedAt()).isEqualTo(Instant.ofEpochSecond(1748781000));
            assertThat(scan.summary()).isEqualTo(new VulnerabilityCounts(1, 2, 0, 4, 0, 7));
        });
    }

    @Test
    void aScanWithABadDigestOrNoTotalIsRefused() {
        String scan = """
                {"scan_data": {"scanned_at": 1, "tag": "1.0", "digest": "%s", "summary": {%s}}, "repository": %s}""";
        assertThatThrownBy(() -> parser.parse(bytes(scan.formatted("sha256:abc", "\"total\": 0", Payloads.REPOSITORY))))
                .hasMessageStartingWith("invalid Docker Hub webhook payload: scan_data.digest: ");
        assertThatThrownBy(() -> parser.parse(bytes(scan.formatted("sha256:" + "ab".repeat(32), "\"high\": 1",
                Payloads.REPOSITORY))))
                .hasMessage("invalid Docker Hub webhook payload: scan_data.summary.total: missing");
    }

    @Test
    void aListOfImagesMustHoldStrings() {
        assertThatThrownBy(() -> parser.parse(pushWith("\"tag\": \"1.4.2\"", "\"tag\": \"1.4.2\", \"images\": [\"a\", 2]")))
                .hasMessage("invalid Docker Hub webhook payload: push_data.images[1]: must be a string, got the number 2");
    }
}
