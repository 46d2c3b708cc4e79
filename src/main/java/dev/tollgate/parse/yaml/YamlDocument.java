package dev.tollgate.parse.yaml;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.SourceLocation;

/**
 * One document of a YAML stream, as plain Java values with the location of every node.
 *
 * @param root a {@code Map<String,Object>}, {@code List<Object>}, scalar, or null for an empty document
 * @param locations where each node was written, by JSON pointer
 * @param start where the document's content starts
 */
public record YamlDocument(Object root, LocationIndex locations, SourceLocation start) {
}
