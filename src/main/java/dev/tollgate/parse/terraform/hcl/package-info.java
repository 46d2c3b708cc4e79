/**
 * A parser for HCL2 native syntax (HashiCorp's hclsyntax, as used by Terraform {@code .tf} files) that builds
 * a positioned syntax tree and evaluates nothing.
 *
 * <p>Entry point: {@link dev.tollgate.parse.terraform.hcl.HclParser#parse(String, String)}, which returns an
 * {@link dev.tollgate.parse.terraform.hcl.HclFile}: a {@link dev.tollgate.parse.terraform.hcl.Body} of
 * {@link dev.tollgate.parse.terraform.hcl.Attribute}s and {@link dev.tollgate.parse.terraform.hcl.Block}s, whose
 * values are {@link dev.tollgate.parse.terraform.hcl.Expression} trees, plus located
 * {@link dev.tollgate.parse.terraform.hcl.HclDiagnostic}s. Every node has a
 * {@link dev.tollgate.parse.terraform.hcl.SourceRange} (1-based line and column, char offsets) from which its raw
 * source can be sliced.
 *
 * <p>Structure: {@code Lexer} (normal-mode tokens, pulled on demand), {@code Parser} (recursive descent for bodies
 * and expressions, precedence climbing for operators) and {@code TemplateParser} (quoted strings and heredocs,
 * scanned character by character; each {@code ${}/{@code %{} sequence is handed back to the Parser). Work is
 * linear in the input; nesting is bounded; errors never escape as exceptions.
 *
 * <p>Checked against HashiCorp's own parser by {@code scripts/hcl-diff} and {@code HclParserDifferentialTest}.
 */
package dev.tollgate.parse.terraform.hcl;
