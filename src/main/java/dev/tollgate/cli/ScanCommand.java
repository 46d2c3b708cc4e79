package dev.tollgate.cli;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.terraform.TerraformOptions;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.Reporter;
import dev.tollgate.report.Reporters;
import dev.tollgate.scan.Scanner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate scan}: discovery, parsing, evaluation, one report. */
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

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, json, sarif (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (default: stdout)")
    private Path output;

    @Option(names = "--policies", paramLabel = "DIR",
            description = "Extra policy directory; its policies are added, and replace bundled ones with the same id")
    private List<Path> policyDirs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Exit 1 when a finding is at least this severe: critical, high, medium, low, none "
                    + "(default: ${DEFAULT-VALUE})")
    private String failOn;

    @Option(names = "--no-color", description = "Never colour the text report (NO_COLOR is honoured too)")
    private boolean noColor;

    @Option(names = "--debug", description = "Show stack traces of internal errors")
    private boolean debug;

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Terraform variable values for every root module (after terraform.tfvars, *.auto.tfvars)")
    private List<Path> varFiles = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A Terraform root variable value (last wins)")
    private List<String> vars = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Console console = parent.console();
        if (!Reporters.FORMATS.contains(format)) {
            return usage(console, "unknown --format '" + format + "' (expected one of " + String.join(", ", Reporters.FORMATS) + ")");
        }
        Severity threshold;
        String fail = failOn.toLowerCase(Locale.ROOT);
        if (fail.equals("none")) {
            threshold = null;
        } else {
            try {
                threshold = Severity.fromId(fail);
            } catch (IllegalArgumentException e) {
                return usage(console, "--fail-on: " + e.getMessage().replace("high, medium or low", "high, medium, low or none"));
            }
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : roots) {
            if (!Files.exists(p)) {
                return usage(console, "path not found: " + p);
            }
        }
        TerraformOptions terraform = terraformOptions(console);
        if (terraform == null) {
            return ExitCode.USAGE.code();
        }
        Policies policies = Policies.load(policyDirs, console);
        if (policies == null) {
            return ExitCode.USAGE.code();
        }
        Scanner scanner = new Scanner(policies.catalog(), policies.engine(), new FileDiscovery(), new Parsers(terraform),
                Version.current());
        ScanReport report = scanner.scan(roots);

        boolean toFile = output != null;
        Reporter reporter = Reporters.forFormat(format, !toFile && console.colorAllowed(noColor));
        if (toFile) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                reporter.write(report, w);
            } catch (IOException e) {
                return usage(console, "cannot write " + output + ": " + e.getMessage());
            }
            console.err().println("tollgate: " + report.findings().size() + " finding(s), "
                    + report.problems().size() + " problem(s); " + format + " report written to " + output);
        } else {
            reporter.write(report, console.out());
            console.out().flush();
        }
        return report.hasFindingsAtOrAbove(threshold) ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    /** The {@code --var-file}/{@code --var} options, or null after a usage message. */
    private TerraformOptions terraformOptions(Console console) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                usage(console, "--var: expected NAME=VALUE, got '" + v + "'");
                return null;
            }
            values.remove(v.substring(0, eq));
            values.put(v.substring(0, eq), v.substring(eq + 1));
        }
        for (Path f : varFiles) {
            if (!Files.isRegularFile(f)) {
                usage(console, "--var-file: file not found: " + f);
                return null;
            }
        }
        return new TerraformOptions(varFiles, values);
    }

    private static int usage(Console console, String message) {
        console.err().println("tollgate: " + message);
        return ExitCode.USAGE.code();
    }
}
