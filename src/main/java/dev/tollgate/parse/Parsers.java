package dev.tollgate.parse;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.compose.ComposeParser;
import dev.tollgate.parse.dotenv.DotenvParser;
import dev.tollgate.parse.kubernetes.KubernetesParser;
import dev.tollgate.parse.kubernetes.KustomizeEnvFiles;
import dev.tollgate.parse.terraform.TerraformOptions;
import dev.tollgate.parse.terraform.TerraformParser;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point of parsing: turns one discovered file into resources and problems. Never throws for bad input.
 *
 * <p>YAML files are read once; each document then goes to the parser whose format it is: a document with
 * {@code apiVersion} and {@code kind} is a Kubernetes object; a file named like a compose file, or a document whose
 * top-level {@code services} holds maps, is a compose file; anything else is not ours and is left alone.
 *
 * <p>Terraform is evaluated per directory, not per file: {@link #parseTerraform(List)} takes every discovered
 * {@code .tf} file at once.
 */
public final class Parsers {

    private final YamlLoader yaml;
    private final KubernetesParser kubernetes = new KubernetesParser();
    private final ComposeParser compose;
    private final DotenvParser dotenv = new DotenvParser();
    private final KustomizeEnvFiles kustomizeEnvFiles = new KustomizeEnvFiles(dotenv);
    private final TerraformParser terraform;
    private final InternalErrors internalErrors;

    public Parsers() {
        this(new YamlLoader(), TerraformOptions.none());
    }

    public Parsers(TerraformOptions terraformOptions) {
        this(new YamlLoader(), terraformOptions);
    }

    /** With {@code internalErrors} told of every bug of ours caught while parsing (the CLI's {@code --debug}). */
    public Parsers(TerraformOptions terraformOptions, InternalErrors internalErrors) {
        this(new YamlLoader(YamlLoader.Limits.defaults(), internalErrors), terraformOptions, internalErrors);
    }

    public Parsers(YamlLoader yaml) {
        this(yaml, TerraformOptions.none());
    }

    public Parsers(YamlLoader yaml, TerraformOptions terraformOptions) {
        this(yaml, terraformOptions, InternalErrors.ignore());
    }

    private Parsers(YamlLoader yaml, TerraformOptions terraformOptions, InternalErrors internalErrors) {
        this.yaml = yaml;
        this.compose = new ComposeParser(dotenv, yaml);
        this.terraform = new TerraformParser(terraformOptions, internalErrors);
        this.internalErrors = internalErrors;
    }

    /** Evaluates the directories of these {@code .tf} files together (modules through their calls). */
    public TerraformParser.Result parseTerraform(List<SourceFile> terraformFiles) {
        return terraform.parse(terraformFiles);
    }

    /** Like {@link #parseTerraform(List)}, handing over each root's result as it is done (see TerraformParser). */
    public void parseTerraform(List<SourceFile> terraformFiles,
            java.util.function.Consumer<TerraformParser.Result> eachRoot) {
        terraform.parse(terraformFiles, eachRoot);
    }

    /** One file; a {@code .tf} file gives the resources written in it, its directory evaluated as a root. */
    public ParseResult parse(SourceFile file) {
        if (file.type() == SourceFile.FileType.TERRAFORM) {
            TerraformParser.Result r = terraform.parse(List.of(file));
            return new ParseResult(
                    r.resources().stream().filter(x -> x.location().file().equals(file.displayPath())).toList(),
                    r.problems());
        }
        return parse(file, SourceText.read(file));
    }

    /** One file other than a {@code .tf} file, its text already read (a scan reads some files before parsing). */
    public ParseResult parse(SourceFile file, SourceText.Read read) {
        if (read.problem() != null) {
            return ParseResult.problem(read.problem());
        }
        return guarded(file.displayPath(), () -> switch (file.type()) {
            case DOTENV -> dotenv.parse(file, read.text());
            case YAML, COMPOSE_YAML -> parseYaml(file, read.text());
            case TERRAFORM_PLAN -> terraform.parsePlan(file.displayPath(), read.text());
            case TERRAFORM -> throw new IllegalArgumentException(".tf files are parsed per directory");
        });
    }

    /**
     * {@code parse}'s result; a bug of ours it throws becomes a problem on {@code displayPath} (the scan goes on, and
     * the user learns which file was not checked), and its stack trace goes to {@link InternalErrors}.
     */
    ParseResult guarded(String displayPath, java.util.function.Supplier<ParseResult> parse) {
        try {
            return parse.get();
        } catch (RuntimeException | StackOverflowError e) {
            internalErrors.caught(displayPath, e);
            return ParseResult.problem(Problem.wholeFile(displayPath, Problem.Kind.PARSE_ERROR,
                    "internal parser error: " + e.getClass().getSimpleName()
                            + " (a bug in Tollgate; --debug prints its stack trace)"));
        }
    }

    private ParseResult parseYaml(SourceFile file, String text) {
        YamlStream stream = yaml.load(text, file.displayPath());
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(stream.problems());
        boolean composeByName = file.type() == SourceFile.FileType.COMPOSE_YAML;
        for (YamlDocument doc : stream.documents()) {
            ParseResult r;
            if (!composeByName && KubernetesParser.isKubernetesObject(doc)) {
                r = kubernetes.parse(file, doc);
            } else if (!composeByName && KubernetesParser.isKustomizationWithoutKind(file, doc)) {
                r = kubernetes.parseKustomization(file, doc);
            } else if (composeByName || ComposeParser.looksLikeCompose(doc)) {
                r = compose.parse(file, doc);
            } else {
                continue;
            }
            resources.addAll(r.resources());
            problems.addAll(r.problems());
        }
        if (KustomizeEnvFiles.hasKustomization(resources)) {
            ParseResult envs = kustomizeEnvFiles.read(file, resources);
            resources.addAll(envs.resources());
            problems.addAll(envs.problems());
        }
        return new ParseResult(resources, problems);
    }

    /** True when {@code value} is a map with string keys; YAML content is only ever that, a list or a scalar. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
