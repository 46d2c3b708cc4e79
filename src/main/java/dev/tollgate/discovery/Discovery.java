package dev.tollgate.discovery;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import java.util.List;
import java.util.Set;

/**
 * The files chosen for scanning, in path order, and the ones passed over with the reason.
 *
 * @param marked the display paths of the files its marker may hold for ({@link FileDiscovery#withMarker}); null when
 *     discovery had no marker, and then any file may be marked
 */
public record Discovery(List<SourceFile> files, List<Problem> skipped, Set<String> marked) {

    public Discovery {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        marked = marked == null ? null : Set.copyOf(marked);
    }

    public Discovery(List<SourceFile> files, List<Problem> skipped) {
        this(files, skipped, null);
    }

    /** Whether the marker may hold for {@code file}'s content: true unless discovery saw all of it and it did not. */
    public boolean mayBeMarked(SourceFile file) {
        return marked == null || marked.contains(file.displayPath());
    }
}
