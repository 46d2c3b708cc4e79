package dev.tollgate.parse.terraform;

import java.util.Set;

/** A value with the addresses of the resource instances it was computed from (for {@code related}). */
record Tracked(Object value, Set<String> refs) {

    Tracked {
        refs = Set.copyOf(refs);
    }
}
