package dev.tollgate.discovery;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import java.util.List;

/** The files chosen for scanning, in path order, and the ones passed over with the reason. */
public record Discovery(List<SourceFile> files, List<Problem> skipped) {

    public Discovery {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
