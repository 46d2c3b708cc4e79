package dev.tollgate.cli;

import dev.tollgate.config.ConfigError;
import dev.tollgate.config.ConfigReader;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Baseline;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.terraform.TerraformOptions;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.ReportFiles;
import dev.tollgate.report.Reporter;
import dev.tollgate.report.Reporters;
import dev.tollgate.report.sarif.SarifReporter;
import dev.tollgate.scan.ChangedFiles;
import dev.tollgate.scan.Scanner;
import dev.tollgate.suppress.Suppressor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate scan}: discovery, parsing, evaluation, suppressions, baseline, one or more reports. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Scan files and directories and report what breaks the checklist.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage or configuration error (unknown flag, missing path, policy that does not load)",
            "3:internal error (a bug in Tollgate; --debug shows details)"})
final class ScanCommand implements Callable<Integer> {

    @ParentCommand
    private TollgateCommand parent;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to scan (default: .)")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: text, json, sarif, markdown, junit (default: text). Repeat with --output "
                    + "to write several reports in one run: the n-th --format goes to the n-th --output.")
    private List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (default: stdout)")
    private List<Path> outputs = new ArrayList<>();

    @Option(names = "--policies", paramLabel = "DIR",
            description = "Extra policy directory; its policies are added, and replace bundled ones with the same id")
    private List<Path> policyDirs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .tollgate.yml at the scan root, if present)")
    private Path configFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: critical, high, medium, low, none "
                    + "(default: low, or fail-on in the configuration)")
    private String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not in this baseline (written by --write-baseline)")
    private Path baselineFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the current findings as the accepted baseline")
    private Path writeBaseline;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "Report only findings in files changed since this git ref (everything is still evaluated, "
                    + "so references across files resolve)")
    private String changedSince;

    @Option(names = "--include-suppressed",
            description = "Also write suppressed findings to SARIF (with their suppressions); GitHub shows them "
                    + "as alerts")
    private boolean includeSuppressed;

    @Option(names = "--no-color", description = "Never colour the text report (NO_COLOR is honoured too)")
    private boolean noColor;

    @Option(names = "--debug",
            description = "Print stack traces of internal errors to stderr (a parser's error is reported as a "
                    + "problem either way)")
    private boolean debug;

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Terraform variable values for every root module (after terraform.tfvars, *.auto.tfvars)")
    private List<Path> varFiles = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A Terraform root variable value (last wins)")
    private List<String> vars = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Console console = parent.console();
        List<String> fmts = formats.isEmpty() ? List.of("text") : formats;
        for (String f : fmts) {
            if (!Reporters.FORMATS.contains(f)) {
                return usage(console, "unknown --format '" + f + "' (expected one of "
                        + String.join(", ", Reporters.FORMATS) + ")");
            }
        }
        if (outputs.size() > fmts.size() || fmts.size() - outputs.size() > 1) {
            return usage(console, "give one --output per --format (only the last --format may go to stdout)");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : roots) {
            if (!Files.exists(p)) {
                return usage(console, "path not found: " + p);
            }
        }
        TollgateConfig config;
        try {
            config = loadConfig(configFile, roots);
        } catch (ConfigError e) {
            e.errors().forEach(console.err()::println);
            return ExitCode.USAGE.code();
        }
        Severity threshold;
        try {
            threshold = threshold(config);
        } catch (IllegalArgumentException e) {
            return usage(console,
                    "--fail-on: " + e.getMessage().replace("high, medium or low", "high, medium, low or none"));
        }
        Set<String> changed = null;
        if (changedSince != null) {
            if (roots.size() != 1 || !Files.isDirectory(roots.get(0))) {
                return usage(console, "--changed-since needs exactly one directory to scan");
            }
            try {
                changed = ChangedFiles.since(changedSince, roots.get(0));
            } catch (ChangedFiles.GitError e) {
                return usage(console, e.getMessage());
            }
        }
        Baseline baseline = null;
        if (baselineFile != null) {
            try {
                baseline = Baseline.fromJson(Files.readString(baselineFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return usage(console, "--baseline " + baselineFile + ": cannot read: " + IoReason.of(e));
            } catch (IllegalArgumentException e) {
                return usage(console, "--baseline " + baselineFile + ": " + e.getMessage());
            }
        }

        List<Path> dirs = new ArrayList<>();
        Path configDir = configDir(config, configFile, roots);
        config.policyDirs().forEach(d -> dirs.add(configDir.resolve(d)));
        dirs.addAll(policyDirs);
        // Loading the policies and walking the scan roots do not depend on each other: on a cold start each costs a
        // tenth of a second or more, mostly single-threaded class initialisation, so the walk runs on a second
        // thread meanwhile. Its result is only used once the policies loaded, so messages come out as before.
        FileDiscovery walked = Scanner.discovery(new FileDiscovery(FileDiscovery.DEFAULT_MAX_FILE_SIZE,
                config.exclude()));
        // .tollgate.yml is left out by its name wherever it is; a configuration of another name, by its path.
        FileDiscovery discovery = configFile == null ? walked : walked.leavingOut(configFile);
        FutureTask<Discovery> walk = new FutureTask<>(() -> discovery.discover(roots));
        Thread walker = new Thread(walk, "tollgate-discovery");
        walker.setDaemon(true);
        walker.start();
        Policies policies = Policies.load(dirs, config, console, parent.prefetch());
        if (policies == null) {
            return ExitCode.USAGE.code();
        }
        TerraformOptions terraform = terraformOptions(config, configDir, console);
        if (terraform == null) {
            return ExitCode.USAGE.code();
        }
        Suppressor suppressor = new Suppressor(config.suppressions(), config.forbidInline(), today());
        Scanner scanner = new Scanner(policies.catalog(), policies.engine(), discovery, new Parsers(terraform,
                DebugTraces.of(debug, console)), Version.current(), suppressor, passesToKeep(fmts, changed != null));
        ScanReport report = scanner.scan(discovered(walk));
        if (changed != null) {
            report = onlyChanged(report, changed);
        }
        if (writeBaseline != null) {
            try {
                ReportFiles.writeString(writeBaseline, Baseline.of(report).toJson());
            } catch (IOException e) {
                return usage(console, "cannot write " + writeBaseline + ": " + IoReason.of(e));
            }
            console.err().println("tollgate: baseline of " + Baseline.of(report).entries().size()
                    + " finding(s) written to " + writeBaseline);
        }
        if (baseline != null) {
            report = baseline.applyTo(report, baselineFile.toString().replace('\\', '/'));
        }

        String sarifUriPrefix = sarifUriPrefix(roots);
        for (int i = 0; i < fmts.size(); i++) {
            String format = fmts.get(i);
            Path output = i < outputs.size() ? outputs.get(i) : null;
            Reporters.Options options = new Reporters.Options(output == null && console.colorAllowed(noColor),
                    includeSuppressed, sarifUriPrefix);
            // Written straight to where it goes: a large repository's report is tens of megabytes, and holding it
            // as a string (then copying it) was the largest part of the scan's peak memory.
            Reporter reporter = Reporters.forFormat(format, options);
            int leftOut = reporter instanceof SarifReporter sarif ? sarif.resultsLeftOut(report) : 0;
            if (leftOut > 0) {
                console.err().printf(Locale.ROOT, "tollgate: the SARIF report holds the %,d most severe of %,d "
                        + "results (GitHub code scanning rejects a run with more); the JSON and text reports list "
                        + "every finding%n", SarifReporter.GITHUB_MAX_RESULTS,
                        SarifReporter.GITHUB_MAX_RESULTS + leftOut);
            }
            if (output == null) {
                reporter.write(report, console.out());
                console.out().flush();
                continue;
            }
            try (Writer w = ReportFiles.newWriter(output)) {
                reporter.write(report, w);
            } catch (IOException e) {
                return usage(console, "cannot write " + output + ": " + IoReason.of(e));
            }
            console.err().println("tollgate: " + report.findings().size() + " finding(s), "
                    + report.problems().size() + " problem(s); " + format + " report written to " + output);
        }
        return report.hasFindingsAtOrAbove(threshold) ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    /** The walk's result; its failure is rethrown as it would have been thrown had the walk run on this thread. */
    private static Discovery discovered(FutureTask<Discovery> walk) {
        try {
            return walk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while discovering files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The flag wins over the configuration file; {@code low} when neither says. */
    private Severity threshold(TollgateConfig config) {
        if (failOn != null) {
            String f = failOn.toLowerCase(Locale.ROOT);
            return f.equals("none") ? null : Severity.fromId(f);
        }
        if (config.failOnNone()) {
            return null;
        }
        return config.failOn() != null ? config.failOn() : Severity.LOW;
    }

    /**
     * Where the reports' paths start, seen from the working directory, which in CI is the repository root GitHub
     * resolves SARIF URIs from: "infra" for {@code scan infra}, "" for {@code scan .} or a root outside it.
     */
    static String sarifUriPrefix(List<Path> roots) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shownFrom = FileDiscovery.displayBase(roots);
        return shownFrom.startsWith(cwd) ? cwd.relativize(shownFrom).toString().replace('\\', '/') : "";
    }

    /** {@code --config FILE}, else {@code .tollgate.yml} at the first scan root, else no configuration. */
    static TollgateConfig loadConfig(Path configFile, List<Path> roots) throws ConfigError {
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new ConfigError(List.of("tollgate: --config " + configFile + ": file not found"));
            }
            return ConfigReader.read(configFile, configFile.toString().replace('\\', '/'));
        }
        Path implicit = configPath(null, roots);
        if (implicit != null && Files.isRegularFile(implicit)) {
            return ConfigReader.read(implicit, implicit.toString().replace('\\', '/'));
        }
        return TollgateConfig.none();
    }

    /** The directory that paths in the configuration are relative to (the working directory without one). */
    static Path configDir(TollgateConfig config, Path configFile, List<Path> roots) {
        return config.source() == null ? Path.of(".") : configPath(configFile, roots).toAbsolutePath().getParent();
    }

    private static Path configPath(Path configFile, List<Path> roots) {
        if (configFile != null) {
            return configFile;
        }
        Path root = roots.get(0);
        return Files.isDirectory(root) ? root.resolve(ConfigReader.DEFAULT_NAME) : null;
    }

    /**
     * Passes are kept only where a report lists them: JUnit has a test case per policy and resource. Elsewhere only
     * their number is shown, and a large repository has millions. With {@code --changed-since} they are kept too, so
     * that the number shown counts the changed files' passes only.
     */
    private static PolicyEngine.Passes passesToKeep(List<String> formats, boolean onlyChanged) {
        return onlyChanged || formats.contains("junit") ? PolicyEngine.Passes.PER_RESOURCE
                : PolicyEngine.Passes.COUNT_ONLY;
    }

    /** Findings, evaluations and problems of changed files only; every file was still evaluated. */
    private static ScanReport onlyChanged(ScanReport report, Set<String> changed) {
        List<Evaluation> kept = report.evaluations().stream().filter(e -> changed.contains(e.location().file()))
                .toList();
        List<Problem> problems = report.problems().stream().filter(p -> changed.contains(p.file())).toList();
        return report.withEvaluations(kept).withProblems(problems);
    }

    /** Today in UTC, or the day of SOURCE_DATE_EPOCH when set, so suppression expiry is reproducible. */
    static LocalDate today() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    private TerraformOptions terraformOptions(TollgateConfig config, Path configDir, Console console) {
        return terraformOptions(config, configDir, varFiles, vars, console);
    }

    /**
     * Terraform variables: the configuration's {@code terraform.var-files} and {@code vars} first, then
     * {@code --var-file} and {@code --var} (flags win); null after a usage message.
     */
    static TerraformOptions terraformOptions(TollgateConfig config, Path configDir, List<Path> varFiles,
            List<String> vars, Console console) {
        Map<String, String> values = new LinkedHashMap<>(config.vars());
        List<Path> files = new ArrayList<>();
        config.varFiles().forEach(f -> files.add(configDir.resolve(f)));
        files.addAll(varFiles);
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                usage(console, "--var: expected NAME=VALUE, got '" + v + "'");
                return null;
            }
            values.remove(v.substring(0, eq));
            values.put(v.substring(0, eq), v.substring(eq + 1));
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                usage(console, "--var-file: file not found: " + f);
                return null;
            }
        }
        return new TerraformOptions(files, values);
    }

    private static int usage(Console console, String message) {
        console.err().println("tollgate: " + message);
        return ExitCode.USAGE.code();
    }
}
