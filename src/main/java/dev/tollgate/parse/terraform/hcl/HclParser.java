package dev.tollgate.parse.terraform.hcl;

import java.util.List;

/**
 * Entry point: parses HCL2 native syntax (Terraform {@code .tf} files) into a positioned syntax tree, without
 * evaluating anything. Never throws for bad input: syntax errors come back as {@link HclFile#diagnostics()}.
 */
public final class HclParser {

    private HclParser() {
    }

    /**
     * Parses all of {@code text} as a template, as Terraform's templatefile reads a template file; {@code fileName}
     * only labels positions. Null, with the reason added to {@code diagnostics}, when it is not a valid template.
     */
    public static Expression.Template parseTemplate(String text, String fileName, List<HclDiagnostic> diagnostics) {
        char[] chars = text.toCharArray();
        HclSource hclSource = new HclSource(fileName, text, chars);
        try {
            return Parser.wholeTemplate(hclSource, chars, diagnostics);
        } catch (RuntimeException e) {
            diagnostics.add(new HclDiagnostic("Internal parser error: " + e.getClass().getSimpleName(),
                    hclSource.range(0, 0)));
            return null;
        }
    }

    /**
     * Parses {@code source}; {@code fileName} only labels positions. A leading byte-order mark is dropped, so
     * offsets count from the first character after it.
     */
    public static HclFile parse(String source, String fileName) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        char[] chars = text.toCharArray(); // one copy for the line table and the lexer
        HclSource hclSource = new HclSource(fileName, text, chars);
        try {
            return new Parser(hclSource, chars).parseFile();
        } catch (RuntimeException e) {
            // A bug of ours must not take the caller down with it: report it like a syntax error at the start.
            // The class only: an exception's message can quote the input, and diagnostics end up in reports.
            HclDiagnostic internal = new HclDiagnostic("Internal parser error: " + e.getClass().getSimpleName(),
                    hclSource.range(0, 0));
            return new HclFile(hclSource, new Body(List.of(), List.of(), hclSource.range(0, 0)),
                    List.of(internal));
        }
    }
}
