package dev.hubsim.dsl.internal;

import dev.hubsim.core.registry.TransferEvent;
import dev.hubsim.core.registry.TransferListener;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Shows a push or pull on a terminal as one line rewritten in place: bytes done of the total, the rate, and layers
 * done of all layers; a final line when the transfer ends. Silent when made with {@link #quiet()}.
 */
public final class TransferProgress implements TransferListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final long started = System.nanoTime();
    private final Set<Object> blobs = new HashSet<>();
    private final Set<Object> finished = new HashSet<>();
    private long lastDrawn;
    private long totalBytes;
    private long totalSize;

    private TransferProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /** Progress of one transfer on {@code out}, e.g. {@code "push alice/app:1"}. */
    public static TransferProgress to(PrintStream out, String label) {
        return new TransferProgress(out, label);
    }

    /** A listener that shows nothing. */
    public static TransferProgress quiet() {
        return new TransferProgress(null, "");
    }

    @Override
    public void onProgress(TransferEvent event) {
        if (out == null) {
            return;
        }
        blobs.add(event.blob());
        if (event.kind() != TransferEvent.Kind.STARTED && event.kind() != TransferEvent.Kind.PROGRESS) {
            finished.add(event.blob());
        }
        totalBytes = event.totalBytes();
        totalSize = event.totalSize();
        long now = System.nanoTime();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            out.print("\r" + line(now) + "   ");
            out.flush();
        }
    }

    /** Ends the line, when anything was shown. */
    public void finish() {
        if (out != null && lastDrawn != 0) {
            out.println("\r" + line(System.nanoTime()) + "   ");
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return String.format(Locale.ROOT, "%s  %s / %s  %s/s  blobs %d/%d", label, size(totalBytes), size(totalSize),
                size((long) (totalBytes / seconds)), finished.size(), blobs.size());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
