package dev.tollgate.parse.yaml;

import dev.tollgate.model.Problem;
import java.util.List;

/** Every document of a YAML file that could be read, and the problem that stopped reading, if any. */
public record YamlStream(List<YamlDocument> documents, List<Problem> problems) {

    public YamlStream {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
