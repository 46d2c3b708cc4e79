package dev.tollgate.parse.terraform.hcl;

import java.util.List;

/**
 * {@code type "label" label { body }}. {@code range} spans from the type to the closing brace;
 * {@code typeRange} is the type keyword and {@code labelRanges} the labels (quotes included), in order.
 */
public record Block(String type, List<String> labels, Body body, SourceRange range, SourceRange typeRange,
                    List<SourceRange> labelRanges) {

    public Block {
        labels = List.copyOf(labels);
        labelRanges = List.copyOf(labelRanges);
    }
}
