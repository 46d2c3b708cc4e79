package dev.tollgate.discovery;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import java.util.List;
import java.util.Set;

/**
 * The files chosen for scanning, in path order, and the ones passed over with the reason.
 *
 * @param unmarked the display paths of the files whose whole content discovery read and its marker said no to
 *     ({@link FileDiscovery#withMarker}); empty when it had no marker
 */
public record Discovery(List<SourceFile> files, List<Problem> skipped, Set<String> unmarked) {

    public Discovery {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        unmarked = Set.copyOf(unmarked);
    }

    public Discovery(List<SourceFile> files, List<Problem> skipped) {
        this(files, skipped, Set.of());
    }

    /** Whether the marker may hold for {@code file}'s content: true unless discovery saw all of it and it did not. */
    public boolean mayBeMarked(SourceFile file) {
        return !unmarked.contains(file.displayPath());
    }
}
