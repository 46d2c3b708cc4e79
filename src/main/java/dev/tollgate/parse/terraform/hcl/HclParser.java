package dev.tollgate.parse.terraform.hcl;

/**
 * Entry point: parses HCL2 native syntax (Terraform {@code .tf} files) into a positioned syntax tree, without
 * evaluating anything. Never throws for bad input: syntax errors come back as {@link HclFile#diagnostics()}.
 */
public final class HclParser {

    private HclParser() {
    }

    public static HclFile parse(String source, String fileName) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        return new Parser(new HclSource(fileName, text)).parseFile();
    }
}
