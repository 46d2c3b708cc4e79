package dev.tollgate.cli;

import dev.tollgate.config.ConfigError;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.evidence.ControlStatus;
import dev.tollgate.evidence.EvidenceDocument;
import dev.tollgate.evidence.EvidenceError;
import dev.tollgate.evidence.EvidenceException;
import dev.tollgate.evidence.EvidenceExporter;
import dev.tollgate.evidence.EvidenceVerifier;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.terraform.TerraformOptions;
import dev.tollgate.suppress.Suppressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate evidence}: audit evidence for the checklist, and {@code evidence verify} to check it later. */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = {
            "Scan and write audit evidence for the checklist into the --output directory.",
            "evidence.json: digests of policies and inputs, commit, one control per checklist item; report.html: one "
                    + "self-contained page; results.sarif: the scan, passes included. SOURCE_DATE_EPOCH sets the "
                    + "recorded time, so a rerun gives identical bytes."},
        subcommands = EvidenceCommand.Verify.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:evidence written (whatever the controls' statuses)",
            "2:usage or configuration error (missing --output, missing path, policy that does not load, "
                    + "attestation file error, bad SOURCE_DATE_EPOCH)",
            "3:internal error (a bug in Tollgate; --debug shows details)"})
final class EvidenceCommand implements Callable<Integer> {

    @ParentCommand
    private TollgateCommand parent;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to scan (default: .)")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Directory to write the evidence into")
    private Path output;

    @Option(names = "--attestations", paramLabel = "FILE",
            description = "YAML attestations for manual items (checklist_id, who, when, link or note)")
    private Path attestations;

    @Option(names = "--policies", paramLabel = "DIR", description = "Extra policy directory, as for scan")
    private List<Path> policyDirs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file, as for scan (default: .tollgate.yml at the scan root, if present)")
    private Path configFile;

    @Option(names = "--debug",
            description = "Print stack traces of internal errors to stderr (a parser's error is reported as a "
                    + "problem either way)")
    private boolean debug;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console();
        if (output == null) {
            return usage(console, "evidence: --output DIR is required");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : roots) {
            if (!Files.exists(p)) {
                return usage(console, "path not found: " + p);
            }
        }
        if (attestations != null && !Files.isRegularFile(attestations)) {
            return usage(console, "--attestations " + attestations + ": not a file");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return usage(console, "--output " + output + ": not a directory");
        }
        // The same configuration as a scan (enabled policies, severities, policy dirs, excluded paths, Terraform
        // variables, suppression rules), so that the evidence judges what the pull-request gate judges.
        TollgateConfig config;
        try {
            config = ScanCommand.loadConfig(configFile, roots);
        } catch (ConfigError e) {
            e.errors().forEach(console.err()::println);
            return ExitCode.USAGE.code();
        }
        Path configDir = ScanCommand.configDir(config, configFile, roots);
        List<Path> dirs = new ArrayList<>();
        config.policyDirs().forEach(d -> dirs.add(configDir.resolve(d)));
        dirs.addAll(policyDirs);
        Policies policies = Policies.load(dirs, config, console);
        if (policies == null) {
            return ExitCode.USAGE.code();
        }
        TerraformOptions terraform = ScanCommand.terraformOptions(config, configDir, List.of(), List.of(), console);
        if (terraform == null) {
            return ExitCode.USAGE.code();
        }
        EvidenceExporter.Scanning scanning = new EvidenceExporter.Scanning(
                new FileDiscovery(FileDiscovery.DEFAULT_MAX_FILE_SIZE, config.exclude()), new Parsers(terraform,
                        DebugTraces.of(debug, console)),
                new Suppressor(config.suppressions(), config.forbidInline(), ScanCommand.today()));
        EvidenceExporter exporter = new EvidenceExporter(policies.catalog(), policies.engine(), Version.current(),
                Clock.systemUTC(), console.env(), scanning);
        EvidenceDocument doc;
        try {
            doc = exporter.export(new EvidenceExporter.Request(roots, output, attestations, dirs));
        } catch (EvidenceException e) {
            for (EvidenceError error : e.errors()) {
                console.err().println(error);
            }
            console.err().println("tollgate: " + e.errors().size() + " error(s); no evidence was written.");
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            // The inputs' own read errors are problems in the evidence; what reaches here is the output directory.
            String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
            return usage(console, "cannot write the evidence into " + output + ": "
                    + (file != null && !file.equals(output.toString()) ? file + ": " : "") + IoReason.of(e));
        }
        StringBuilder counts = new StringBuilder();
        for (ControlStatus s : ControlStatus.values()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(doc.summary().get(s.id())).append(' ')
                    .append(s.label());
        }
        console.err().println("tollgate: " + doc.controls().size() + " checklist items (" + counts + "); "
                + doc.inputs().size() + " file(s) scanned; evidence written to " + output);
        return ExitCode.CLEAN.code();
    }

    private static int usage(Console console, String message) {
        console.err().println("tollgate: " + message);
        return ExitCode.USAGE.code();
    }

    /** {@code tollgate evidence verify DIR}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the digests recorded in DIR/evidence.json and say what changed since.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:nothing changed",
                "1:something changed (each change is listed)",
                "2:DIR holds no readable evidence.json"})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        private EvidenceCommand parent;

        @Parameters(arity = "1", paramLabel = "DIR",
                description = "An evidence directory written by 'tollgate evidence'")
        private Path dir;

        @Override
        public Integer call() {
            Console console = parent.parent.console();
            EvidenceVerifier.Result result;
            try {
                result = EvidenceVerifier.verify(dir);
            } catch (IOException e) {
                console.err().println("tollgate: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            result.changes().forEach(c -> console.out().println(c));
            result.notes().forEach(n -> console.out().println("note: " + n));
            console.out().println(result.unchanged()
                    ? "unchanged: " + result.inputsChecked() + " input file(s) and " + result.policyFilesChecked()
                            + " policy file(s) match the evidence"
                    : result.changes().size() + " change(s) since the evidence was taken");
            console.out().flush();
            return result.unchanged() ? ExitCode.CLEAN.code() : ExitCode.FINDINGS.code();
        }
    }
}
