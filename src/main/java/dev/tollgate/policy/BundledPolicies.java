package dev.tollgate.policy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the policies shipped inside Tollgate (the repository's {@code policies/} folder, copied into the jar at
 * {@code dev/tollgate/policies}) together with any extra directories the user names.
 */
public final class BundledPolicies {

    static final String RESOURCE = "dev/tollgate/policies";

    private BundledPolicies() {
    }

    /** The bundled catalogue, then each of {@code extraDirs} in order (same id replaces). */
    public static PolicyCatalog load(List<Path> extraDirs) throws PolicyLoadException {
        URL url = BundledPolicies.class.getClassLoader().getResource(RESOURCE + "/" + PolicyCatalog.CHECKLIST_FILE);
        if (url == null) {
            throw new PolicyLoadException(
                    List.of(new PolicyError(RESOURCE, 0, 0, "bundled policies missing from the build")));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // The jar's snapshot was written by the same build that packed these files, so it cannot be stale;
                // a directory on the class path (tests, an IDE) may hold an old one, so there the YAML is read.
                PolicyCatalog snapshot = CatalogSnapshot.bundled();
                if (snapshot != null) {
                    return PolicyCatalog.load(snapshot, extraSources(extraDirs));
                }
                try (FileSystem zip = FileSystems.newFileSystem(uri, Map.of())) {
                    return loadFrom(zip.getPath(RESOURCE), extraDirs);
                }
            }
            return loadFrom(Path.of(uri).getParent(), extraDirs);
        } catch (URISyntaxException | IOException e) {
            throw new PolicyLoadException(
                    List.of(new PolicyError(RESOURCE, 0, 0, "cannot open bundled policies: " + e)));
        }
    }

    private static PolicyCatalog loadFrom(Path bundled, List<Path> extraDirs) throws PolicyLoadException {
        List<PolicyCatalog.Source> sources = new ArrayList<>();
        sources.add(new PolicyCatalog.Source(bundled, "policies/"));
        sources.addAll(extraSources(extraDirs));
        return PolicyCatalog.load(sources);
    }

    private static List<PolicyCatalog.Source> extraSources(List<Path> extraDirs) {
        List<PolicyCatalog.Source> sources = new ArrayList<>();
        for (Path dir : extraDirs) {
            String shown = dir.toString().replace('\\', '/');
            sources.add(new PolicyCatalog.Source(dir, shown.endsWith("/") ? shown : shown + "/"));
        }
        return sources;
    }
}
