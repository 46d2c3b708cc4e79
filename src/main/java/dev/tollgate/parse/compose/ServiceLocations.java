package dev.tollgate.parse.compose;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * A compose document's locations grouped by service, each rebased to its service ({@code /services/web/image} becomes
 * {@code /image}, the service itself {@code ""}). Built in one pass over the document's locations: picking each
 * service's out of the whole document, once per service, took time in the square of the services (4,000 services
 * 7.8 s, 55,000 not finished in 5 minutes; 16,000 services extending one another 74 s).
 */
final class ServiceLocations {

    private static final String SERVICES = "/services/";

    private final Map<String, Map<String, SourceLocation>> byService = new HashMap<>();

    ServiceLocations(LocationIndex index) {
        index.byPointer().forEach((pointer, loc) -> {
            if (pointer.startsWith(SERVICES)) {
                int end = pointer.indexOf('/', SERVICES.length());
                String service = end < 0 ? pointer : pointer.substring(0, end);
                byService.computeIfAbsent(service, k -> new HashMap<>())
                        .put(end < 0 ? "" : pointer.substring(end), loc);
            }
        });
    }

    /** The locations of service {@code name}, a copy the caller may change; empty when none is recorded. */
    Map<String, SourceLocation> of(String name) {
        return new HashMap<>(byService.getOrDefault(LocationIndex.child("/services", name), Map.of()));
    }
}
