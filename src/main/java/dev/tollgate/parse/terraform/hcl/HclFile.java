package dev.tollgate.parse.terraform.hcl;

import java.util.List;

/**
 * The result of parsing one file: its body (whatever could be parsed) and the syntax errors found. When
 * {@code diagnostics} is non-empty, {@code body} holds the top-level items that parsed cleanly.
 */
public record HclFile(HclSource source, Body body, List<HclDiagnostic> diagnostics) {

    public HclFile {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
