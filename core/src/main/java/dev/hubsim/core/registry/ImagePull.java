package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.NoMatchingPlatformException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One image pull into an OCI layout: the manifest or index, the platform's manifest (or all of them), then configs and
 * layers in parallel, each verified as it streams into the layout. Manifests are written after every blob and the
 * image is named last, so a failed pull leaves no named image (blobs already complete stay, and are skipped next time).
 */
final class ImagePull {
    private final RegistryClient registry;
    private final ImageReference reference;
    private final PullOptions options;
    private static final String OPERATION = "pull image";

    ImagePull(RegistryClient registry, ImageReference reference, PullOptions options) {
        this.registry = registry;
        this.reference = Objects.requireNonNull(reference, "reference");
        this.options = Objects.requireNonNull(options, "options");
    }

    PulledImage into(Path directory) {
        FetchedManifest top = registry.getManifest(reference);
        List<FetchedManifest> images = new ArrayList<>();
        Descriptor named = Descriptor.of(top.mediaType(), top.digest(), top.size());
        if (!top.manifest().isIndex()) {
            images.add(top);
        } else if (options.platform() == null) {
            top.manifest().manifests().forEach(child -> images.add(child(child)));
        } else {
            named = select(top, options.platform());
            images.add(child(named));
        }
        OciImageLayout layout = OciImageLayout.create(directory);
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        images.forEach(image -> image.manifest().blobReferences().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob)));
        TransferTracker tracker = new TransferTracker(options.listener(),
                blobs.values().stream().mapToLong(Descriptor::size).sum());
        List<Descriptor> missing = new ArrayList<>();
        for (Descriptor blob : blobs.values()) {
            if (layout.hasBlob(blob.digest())) {
                tracker.skipped(blob);
            } else {
                missing.add(blob);
            }
        }
        AtomicLong bytes = new AtomicLong();
        BoundedParallel.run(missing, options.concurrency(), blob -> bytes.addAndGet(download(blob, layout, tracker)),
                OPERATION, reference.toString());
        images.forEach(image -> write(layout, image));
        if (top.manifest().isIndex() && options.platform() == null) {
            write(layout, top);
        }
        String name = options.name() != null ? options.name()
                : reference.tag() != null ? reference.tag() : reference.digest().toString();
        layout.name(name, named);
        return new PulledImage(reference, name, named, missing.size(), blobs.size() - missing.size(), bytes.get());
    }

    /** An index entry's manifest, by digest; a nested index is refused (its blobs would be missed). */
    private FetchedManifest child(Descriptor entry) {
        FetchedManifest child = registry.getManifest(reference.withDigest(entry.digest()));
        if (child.manifest().isIndex()) {
            throw new ProtocolViolationException(OPERATION, reference.toString(), 0, "the index lists another index ("
                    + entry.digest() + "); nested indexes are not supported");
        }
        return child;
    }

    private Descriptor select(FetchedManifest index, Platform wanted) {
        List<Descriptor> entries = index.manifest().manifests();
        return entries.stream().filter(d -> d.platform() != null && d.platform().satisfies(wanted)).findFirst()
                .orElseThrow(() -> new NoMatchingPlatformException(OPERATION, reference.toString(), wanted.toString(),
                        entries.stream().filter(d -> d.platform() != null).map(d -> d.platform().toString()).toList()));
    }

    // GET /v2/<name>/blobs/<digest>, verified as it streams into the layout
    private long download(Descriptor blob, OciImageLayout layout, TransferTracker tracker) {
        RequiredAccess access = RequiredAccess.pull("pull blob " + blob.digest(), reference.repository())
                .on("pull blob " + blob.digest(), reference.toString());
        try (BlobDownload download = registry.openBlob(access, reference.repository(), blob.digest());
             InputStream counted = tracker.counting(blob, download)) {
            long written = layout.writeVerifiedBlob(blob.digest(), counted);
            counted.close();
            tracker.completed(blob);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OciImageLayout layout, FetchedManifest manifest) {
        layout.writeBlob(manifest.digest(), new ByteArrayInputStream(manifest.bytes()));
    }
}
