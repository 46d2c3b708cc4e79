package dev.tollgate.parse.terraform;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SecretKeys;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import dev.tollgate.parse.InternalErrors;
import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.HclDiagnostic;
import dev.tollgate.parse.terraform.hcl.HclParser;
import dev.tollgate.parse.terraform.hcl.HclSource;
import dev.tollgate.parse.terraform.hcl.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every module of one root evaluation shares: the file cache, the root directory (file paths in {@code file()}
 * are relative to it, as in Terraform), the installed modules of {@code .terraform/modules/modules.json}, one
 * evaluator and the problems found. Used by one thread at a time.
 */
final class RootContext {

    private final ModuleFiles files;
    private final Path rootDir;
    private final Map<String, Path> installedModules;
    private final Evaluator evaluator = new Evaluator();
    private final List<Problem> problems = new ArrayList<>();
    private final InternalErrors internalErrors;
    /** templatefile's templates by file, each read and parsed once: a for_each over many instances renders one. */
    private final Map<Path, TemplateFile> templates = new HashMap<>();
    /** Resource and module instances expanded so far in this root (see {@link Expansion#of}). */
    private int instances;

    /** The most resource and module instances one root expands one by one; beyond, a block is judged as [*]. */
    static final int MAX_ROOT_INSTANCES = 50_000;
    /** Blocks made by {@code dynamic} blocks so far in this root (see {@link ResourceBody}). */
    private int dynamicBlocks;

    /**
     * The most blocks the {@code dynamic} blocks of one root make; beyond, a dynamic block is unknown. A for_each
     * over a million-element list in a resource with count = 2 made two million blocks, took 4 GB and did not end
     * in two minutes; nested dynamic blocks multiply, so the budget is the root's, not each block's.
     */
    static final int MAX_ROOT_DYNAMIC_BLOCKS = 50_000;

    RootContext(ModuleFiles files, Path rootDir, Map<String, Path> installedModules, InternalErrors internalErrors) {
        this.internalErrors = internalErrors;
        this.files = files;
        this.rootDir = rootDir.toAbsolutePath().normalize();
        this.installedModules = Map.copyOf(installedModules);
    }

    ModuleFiles files() {
        return files;
    }

    Path rootDir() {
        return rootDir;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    /**
     * A file read for templatefile, named as its argument names it: the template, or null and why it is not one
     * ({@code file:line: message}).
     */
    record TemplateFile(String name, Expression.Template template, String error) {

        static TemplateFile parse(String name, String text) {
            List<HclDiagnostic> errors = new ArrayList<>();
            Expression.Template parsed = HclParser.parseTemplate(text, name, errors);
            return new TemplateFile(name, parsed, parsed != null ? null
                    : name + ":" + errors.get(0).range().startLine() + ": " + errors.get(0).message());
        }
    }

    /** The template in {@code file} (checked to be a regular file inside the tree, under the size limit). */
    TemplateFile template(Path file, String name) throws IOException {
        TemplateFile t = templates.get(file);
        if (t == null) {
            t = TemplateFile.parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            templates.put(file, t);
        }
        return t;
    }

    /** The directory {@code terraform init} installed the module with this key ({@code vpc}, {@code vpc.subnets}). */
    Path installed(String key) {
        return installedModules.get(key);
    }

    /**
     * Counts {@code n} more instances and says whether they fit under {@link #MAX_ROOT_INSTANCES}; instances that
     * do not fit are not counted. A root is evaluated on one thread.
     */
    boolean admitInstances(int n) {
        if (n > 1 && instances + n > MAX_ROOT_INSTANCES) {
            return false;
        }
        instances += n;
        return true;
    }

    /**
     * Counts {@code n} more blocks made by a dynamic block and says whether they fit under
     * {@link #MAX_ROOT_DYNAMIC_BLOCKS}; blocks that do not fit are not counted.
     */
    boolean admitDynamicBlocks(int n) {
        if (dynamicBlocks + n > MAX_ROOT_DYNAMIC_BLOCKS) {
            return false;
        }
        dynamicBlocks += n;
        return true;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(SourceRange at, Problem.Kind kind, String message) {
        problems.add(problemAt(at, kind, message));
    }

    /** A problem at the start of {@code at}: its file, line and column. */
    static Problem problemAt(SourceRange at, Problem.Kind kind, String message) {
        int line = at.startLine();
        return new Problem(at.source().fileName(), line, at.source().column(at.startOffset(), line), kind, message);
    }

    void addProblems(List<Problem> more) {
        problems.addAll(more);
    }

    static SourceLocation location(SourceRange r) {
        HclSource source = r.source();
        int line = source.line(r.startOffset());
        return new SourceLocation(source.fileName(), line, source.column(r.startOffset(), line));
    }

    /**
     * Evaluates {@code e}; what Terraform would reject becomes unknown plus a located problem, so one bad expression
     * costs one attribute, never the resource or the scan.
     */
    Object evaluate(Expression e, Scope scope) {
        return evaluate(e, scope, null);
    }

    /**
     * As {@link #evaluate(Expression, Scope)}, for the value of {@code name} (an attribute, local, variable or module
     * input): the problem quotes the expression with the strings of secret-named keys masked ({@link ShownExpression}).
     */
    Object evaluate(Expression e, Scope scope, String name) {
        return evaluate(e, scope, name, false);
    }

    /** As {@link #evaluate(Expression, Scope, String)}; {@code sensitive}: the value is declared sensitive. */
    Object evaluate(Expression e, Scope scope, String name, boolean sensitive) {
        try {
            return evaluator.eval(e, scope);
        } catch (EvalException ex) {
            boolean secret = sensitive || SecretKeys.isSecret(name);
            String message = ex.getMessage();
            for (String literal : ShownExpression.secretLiterals(e, secret)) {
                message = message.replace(literal, ShownExpression.MASK);
            }
            problem(ex.range() != null ? ex.range() : e.range(), Problem.Kind.PARSE_ERROR, "cannot evaluate "
                    + Values.abbreviate(ShownExpression.of(e, secret).replaceAll("\\s+", " ")) + ": " + message);
            return new Unknown(e.raw());
        } catch (RuntimeException | StackOverflowError ex) {
            internalErrors.caught(e.range().source().fileName() + ":" + e.range().startLine(), ex);
            problem(e.range(), Problem.Kind.PARSE_ERROR, "internal error evaluating this expression: "
                    + ex.getClass().getSimpleName());
            return new Unknown(e.raw());
        }
    }
}
