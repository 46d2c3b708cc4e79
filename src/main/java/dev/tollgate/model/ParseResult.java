package dev.tollgate.model;

import java.util.List;

/** What parsing one file gave: the resources it holds and whatever could not be understood. */
public record ParseResult(List<Resource> resources, List<Problem> problems) {

    public ParseResult {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }

    public static ParseResult empty() {
        return new ParseResult(List.of(), List.of());
    }

    public static ParseResult problem(Problem p) {
        return new ParseResult(List.of(), List.of(p));
    }
}
