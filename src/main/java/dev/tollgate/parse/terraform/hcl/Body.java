package dev.tollgate.parse.terraform.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The contents of a file or a block: attributes and nested blocks, each list in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    // Plain loops rather than streams: evaluation asks every block for count, for_each, source, default and type
    // (once per module call and instance), and a stream pipeline per question showed up in profiles.

    public Optional<Attribute> attribute(String name) {
        for (int i = 0; i < attributes.size(); i++) { // indexed: no iterator per question
            Attribute a = attributes.get(i);
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public List<Block> blocks(String type) {
        List<Block> out = null;
        for (Block b : blocks) {
            if (b.type().equals(type)) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(b);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }
}
