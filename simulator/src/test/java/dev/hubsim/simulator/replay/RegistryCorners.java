package dev.hubsim.simulator.replay;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol corners our client never takes, sent raw after a {@link RegistrySession} (whose repository they use), for
 * the shipped recordings: the base endpoint, the catalog page by page along its {@code Link}, a ranged blob GET, an
 * upload's status and cancellation, a wrong digest, a manifest naming an unknown blob and an invalid name. Each answer
 * is noted as its status, error code and the headers that matter (never session ids), one line per request.
 */
final class RegistryCorners {
    private final RegistryHttp http;
    private final List<String> notes = new ArrayList<>();

    private RegistryCorners(RegistryHttp http) {
        this.http = http;
    }

    static List<String> run(RegistryHttp http) {
        RegistryCorners corners = new RegistryCorners(http);
        corners.requests();
        return List.copyOf(corners.notes);
    }

    private void requests() {
        note(http.get("/v2/"));
        String page = "/v2/_catalog?n=1";
        for (int pages = 0; page != null && pages < 5; pages++) {
            Reply catalog = note(http.get(page));
            String link = catalog.header("Link");
            page = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        Digest large = RegistrySession.IMAGE.blobs().get(3).digest();
        note(http.get("/v2/" + RegistrySession.REPOSITORY + "/blobs/" + large, "Range", "bytes=10-99"));
        String upload = http.startUpload(RegistrySession.REPOSITORY);
        note(http.get(upload));
        note(http.delete(upload));
        note(http.get(upload));
        byte[] content = "not what the digest says".getBytes(StandardCharsets.UTF_8);
        String wrong = RegistryHttp.withParameter(http.startUpload(RegistrySession.REPOSITORY), "digest",
                Digest.sha256("something else".getBytes(StandardCharsets.UTF_8)).toString());
        note(http.put(wrong, content, "Content-Type", "application/octet-stream"));
        byte[] orphan = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + Digest.sha256(content) + "\",\"size\":"
                + content.length + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
        note(http.putManifest(RegistrySession.REPOSITORY, "orphan", orphan, MediaTypes.OCI_MANIFEST));
        note(http.get("/v2/Invalid_Name/manifests/v1", "Accept", RegistryHttp.ACCEPT_ALL));
    }

    private Reply note(Reply reply) {
        String code = reply.body().length > 0 && reply.text().startsWith("{\"errors\"") ? " " + reply.errorCode() : "";
        URI target = URI.create(reply.target());
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        notes.add(reply.method() + " " + path.replaceAll("uploads/[^?]+(\\?.*)?$", "uploads/<session>")
                + " -> " + reply.status() + code
                + header(reply, "Content-Range") + header(reply, "Content-Length") + header(reply, "Docker-Content-Digest")
                + header(reply, "Link"));
        return reply;
    }

    private static String header(Reply reply, String name) {
        String value = reply.header(name);
        return value == null ? "" : " " + name + "=" + value;
    }
}
