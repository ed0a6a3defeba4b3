package dev.hubsim.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hubsim.core.hub.VulnerabilityCounts;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.InvalidDigestException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and validates a webhook payload into a {@link WebhookEvent}. Unknown fields are ignored (Docker Hub adds
 * fields); a missing required field or a field of the wrong type is an {@link InvalidWebhookPayloadException} naming
 * it. The payload carries exactly one of:
 * <ul>
 *   <li>{@code push_data} — Docker Hub's push webhook (reference §6, from Docker's webhook documentation):
 *   {@code {"callback_url", "push_data": {"pushed_at", "pusher", "tag", "images"?}, "repository": {"namespace", "name",
 *   "repo_name", "owner", "description", "full_description", "is_private", "is_official", "is_trusted", "star_count",
 *   "comment_count", "date_created", "repo_url", "status", "dockerfile"}}}. Required: {@code push_data.tag},
 *   {@code push_data.pusher}, {@code push_data.pushed_at} (unix seconds) and the repository's {@code namespace},
 *   {@code name}, {@code repo_name}.</li>
 *   <li>{@code delete_data} — hubsim's own shape (Docker Hub sends webhooks for pushes only, reference §6; the Hub
 *   records a deletion as audit event {@code repo.tag.delete}, §2.5): {@code {"delete_data": {"deleted_at", "deleter",
 *   "tag"}, "repository": {...}}}, all three required.</li>
 *   <li>{@code scan_data} — hubsim's own shape (Docker Hub sends no scan webhook; the counts are Docker Scout's
 *   {@code vulnerabilityReport} fields, §7): {@code {"scan_data": {"scanned_at", "tag", "digest", "summary":
 *   {"critical", "high", "medium", "low", "unspecified", "total"}}, "repository": {...}}}, all required but the
 *   severities, which default to 0.</li>
 * </ul>
 */
public final class WebhookPayloadParser {
    /** Docker's tag grammar. */
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    /** A path component of a repository name (the reference grammar's, lower case). */
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final List<String> KINDS = List.of("push_data", "delete_data", "scan_data");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** Reads and validates a payload. */
    public WebhookEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookPayloadException("(body)", "is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidWebhookPayloadException("(body)", "cannot be read: " + e.getMessage());
        }
        PayloadObject payload = PayloadObject.root(root);
        List<String> present = KINDS.stream().filter(payload::has).toList();
        if (present.size() != 1) {
            throw new InvalidWebhookPayloadException(present.isEmpty() ? "push_data" : String.join(", ", present),
                    present.isEmpty() ? "missing: a payload has push_data (Docker Hub), delete_data or scan_data"
                            : "a payload has only one of push_data, delete_data and scan_data");
        }
        WebhookRepository repository = repository(payload.object("repository"));
        Optional<URI> callbackUrl = Optional.ofNullable(payload.optionalUrl("callback_url"));
        return switch (present.get(0)) {
            case "push_data" -> {
                PayloadObject push = payload.object("push_data");
                yield new ImagePushed(repository, tag(push), push.text("pusher"), push.epochSeconds("pushed_at"),
                        push.texts("images"), callbackUrl);
            }
            case "delete_data" -> {
                PayloadObject delete = payload.object("delete_data");
                yield new TagDeleted(repository, tag(delete), delete.text("deleter"), delete.epochSeconds("deleted_at"),
                        callbackUrl);
            }
            default -> {
                PayloadObject scan = payload.object("scan_data");
                yield new ScanCompleted(repository, tag(scan), digest(scan), scan.epochSeconds("scanned_at"),
                        counts(scan.object("summary")), callbackUrl);
            }
        };
    }

    private static WebhookRepository repository(PayloadObject repository) {
        String namespace = component(repository, "namespace");
        String name = component(repository, "name");
        String repoName = repository.text("repo_name");
        if (!repoName.equals(namespace + "/" + name)) {
            throw repository.invalid("repo_name", "is '" + abbreviate(repoName) + "' but namespace and name make "
                    + namespace + "/" + name);
        }
        return new WebhookRepository(namespace, name, repoName, repository.optionalText("owner"),
                repository.optionalText("description"), repository.optionalText("full_description"),
                repository.flag("is_private"), repository.flag("is_official"), repository.flag("is_trusted"),
                repository.count("star_count"), repository.count("comment_count"),
                repository.optionalEpochSeconds("date_created"), repository.optionalUrl("repo_url"),
                repository.optionalText("status"));
    }

    private static String component(PayloadObject repository, String field) {
        String value = repository.text(field);
        if (!COMPONENT.matcher(value).matches()) {
            throw repository.invalid(field, "'" + abbreviate(value) + "' is not a repository name component "
                    + "(lower-case letters and digits, separated by '.', '_', '__' or '-')");
        }
        return value;
    }

    private static String tag(PayloadObject data) {
        String tag = data.text("tag");
        if (!TAG.matcher(tag).matches()) {
            throw data.invalid("tag", "'" + abbreviate(tag) + "' is not a tag (up to 128 letters, digits, '_', '.' "
                    + "and '-', not starting with '.' or '-')");
        }
        return tag;
    }

    private static Digest digest(PayloadObject scan) {
        String text = scan.text("digest");
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw scan.invalid("digest", e.getMessage());
        }
    }

    private static VulnerabilityCounts counts(PayloadObject summary) {
        return new VulnerabilityCounts(summary.count("critical"), summary.count("high"), summary.count("medium"),
                summary.count("low"), summary.count("unspecified"), summary.requiredCount("total"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
