package dev.tollgate.evidence;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.report.ReportFiles;
import dev.tollgate.report.sarif.SarifReporter;
import dev.tollgate.scan.Scanner;
import dev.tollgate.suppress.Suppressor;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entry point of audit evidence: scans the given roots and writes, into one directory, {@code evidence.json}
 * (tool, policy digests, commit, time, input digests, one control per checklist item), {@code report.html} (one
 * self-contained page) and {@code results.sarif} (the same scan, passes included).
 *
 * <p>Nothing machine- or run-specific goes in except the commit and the time, and the time is
 * {@code SOURCE_DATE_EPOCH} when set, so exporting the same tree twice into the same directory gives the same bytes.
 */
public final class EvidenceExporter {

    public static final String EVIDENCE_JSON = "evidence.json";
    public static final String REPORT_HTML = "report.html";
    public static final String RESULTS_SARIF = "results.sarif";
    public static final String TOOL_NAME = "Tollgate";

    private final PolicyCatalog catalog;
    private final PolicyEngine engine;
    private final String toolVersion;
    private final Clock clock;
    private final Map<String, String> env;
    private final Scanning scanning;

    /**
     * @param clock the real clock: the evidence time when {@code SOURCE_DATE_EPOCH} is not set, and the "now" that
     *     attestation dates must not be after
     * @param env the process environment ({@code SOURCE_DATE_EPOCH})
     */
    public EvidenceExporter(PolicyCatalog catalog, PolicyEngine engine, String toolVersion, Clock clock,
            Map<String, String> env) {
        this(catalog, engine, toolVersion, clock, env, Scanning.defaults(clock));
    }

    /**
     * @param scanning how files are found, parsed and suppressed: what a configuration file says, as for a scan
     */
    public EvidenceExporter(PolicyCatalog catalog, PolicyEngine engine, String toolVersion, Clock clock,
            Map<String, String> env, Scanning scanning) {
        this.catalog = catalog;
        this.engine = engine;
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.scanning = scanning;
    }

    /**
     * The scan settings the evidence is taken with, so that it judges what {@code tollgate scan} judges with the same
     * configuration (excluded paths, Terraform variables, suppression rules).
     */
    public record Scanning(FileDiscovery discovery, Parsers parsers, Suppressor suppressor) {

        /** No configuration: default discovery and parsing, inline suppressions only. */
        public static Scanning defaults(Clock clock) {
            return new Scanning(new FileDiscovery(), new Parsers(),
                    Suppressor.inlineOnly(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
    }

    /**
     * What to export.
     *
     * @param roots files and directories to scan (they must exist)
     * @param outputDir where to write; created if needed
     * @param attestationFile the attestation file, or null
     * @param policyDirs the extra policy directories the catalogue was loaded with (recorded for {@code verify})
     */
    public record Request(List<Path> roots, Path outputDir, Path attestationFile, List<Path> policyDirs) {

        public Request {
            roots = List.copyOf(roots);
            policyDirs = List.copyOf(policyDirs);
        }
    }

    /** Checks the inputs, scans, and writes the three files. Nothing is written when an input is wrong. */
    public EvidenceDocument export(Request request) throws IOException, EvidenceException {
        Instant now = clock.instant();
        String timeSource = env.containsKey("SOURCE_DATE_EPOCH") ? "SOURCE_DATE_EPOCH" : "clock";
        Instant generated = timeSource.equals("clock") ? now.truncatedTo(ChronoUnit.SECONDS)
                : sourceDateEpoch(env.get("SOURCE_DATE_EPOCH"));
        List<Attestation> attestations = request.attestationFile() == null ? List.of()
                : new AttestationReader(catalog.checklist(), now)
                        .read(request.attestationFile(), request.attestationFile().toString());

        Files.createDirectories(request.outputDir());
        Path out = request.outputDir().toRealPath();
        Discovery found = Scanner.discovery(scanning.discovery()).discover(request.roots());
        List<SourceFile> discovered = found.files();
        ScanReport report = new Scanner(catalog, engine, scanning.discovery(), scanning.parsers(), toolVersion,
                scanning.suppressor(), PolicyEngine.Passes.PER_RESOURCE).scan(found);

        Path first = request.roots().isEmpty() ? Path.of(".") : request.roots().get(0);
        Path gitDir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        SourceRevision revision = SourceRevision.detect(gitDir, out);

        List<Control> controls = Controls.of(report, Suppressions.FROM_SCAN, attestations);
        EvidenceDocument document = new EvidenceDocument(
                EvidenceDocument.SCHEMA,
                new EvidenceDocument.Tool(TOOL_NAME, toolVersion),
                DateTimeFormatter.ISO_INSTANT.format(generated),
                timeSource,
                new EvidenceDocument.Source(relativeAll(out, request.roots()), revision.repository(),
                        revision.commit(), revision.dirty(), revision.note()),
                policySet(out, request.policyDirs()),
                inputs(out, report, discovered),
                request.attestationFile() == null ? null : new EvidenceDocument.AttestationFile(
                        relative(out, request.attestationFile()), Digests.of(request.attestationFile()),
                        attestations.size()),
                summary(controls),
                controls,
                report.problems().stream().map(p -> new EvidenceDocument.ProblemEntry(p.file(), p.line(),
                        p.kind().name().toLowerCase(Locale.ROOT), p.message())).toList());

        try (Writer w = ReportFiles.newWriter(out.resolve(EVIDENCE_JSON))) {
            EvidenceJson.write(document, w);
        }
        try (Writer w = ReportFiles.newWriter(out.resolve(RESULTS_SARIF))) {
            new SarifReporter(true, true).write(report, w);
        }
        try (Writer w = ReportFiles.newWriter(out.resolve(REPORT_HTML))) {
            w.write(new EvidenceHtml(document).render());
        }
        return document;
    }

    /** Seconds since the epoch, as reproducible-builds.org specifies: an ASCII decimal integer. */
    static Instant sourceDateEpoch(String value) throws EvidenceException {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9]{1,12}")) {
            throw new EvidenceException(List.of(new EvidenceError("SOURCE_DATE_EPOCH", 0, 0,
                    "must be a whole number of seconds since 1970-01-01T00:00:00Z, not '" + value + "'")));
        }
        return Instant.ofEpochSecond(Long.parseLong(v));
    }

    private EvidenceDocument.PolicySet policySet(Path out, List<Path> policyDirs) throws IOException {
        List<EvidenceDocument.FileDigest> files = catalog.digests().entrySet().stream()
                .map(e -> new EvidenceDocument.FileDigest(e.getKey(), e.getValue())).toList();
        List<EvidenceDocument.PolicyDigest> policies = new ArrayList<>();
        for (Policy p : catalog.policies()) {
            policies.add(new EvidenceDocument.PolicyDigest(p.id(), p.source(), catalog.digests().get(p.source())));
        }
        List<EvidenceDocument.PolicyDir> dirs = new ArrayList<>();
        for (Path dir : policyDirs) {
            dirs.add(new EvidenceDocument.PolicyDir(displayPrefix(dir), relative(out, dir)));
        }
        return new EvidenceDocument.PolicySet(Digests.ofSet(catalog.digests()), dirs, files, policies);
    }

    /**
     * The scanned files with where they are. The scanner keeps discovery's order, so the lists match index by index;
     * matching by display path alone would confuse two roots that both hold, say, {@code deploy.yaml}.
     */
    private static List<EvidenceDocument.InputFile> inputs(Path out, ScanReport report, List<SourceFile> discovered)
            throws IOException {
        Map<String, Path> byPath = new LinkedHashMap<>();
        discovered.forEach(f -> byPath.putIfAbsent(f.displayPath(), f.path()));
        boolean aligned = discovered.size() == report.files().size();
        for (int i = 0; aligned && i < discovered.size(); i++) {
            aligned = discovered.get(i).displayPath().equals(report.files().get(i).path());
        }
        List<EvidenceDocument.InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < report.files().size(); i++) {
            ScannedFile f = report.files().get(i);
            Path file = aligned ? discovered.get(i).path() : byPath.get(f.path());
            inputs.add(new EvidenceDocument.InputFile(f.path(), file == null ? null : relative(out, file), f.format(),
                    f.resources(), file == null ? null : Digests.of(file)));
        }
        return inputs;
    }

    static Map<String, Integer> summary(List<Control> controls) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ControlStatus s : ControlStatus.values()) {
            counts.put(s.id(), 0);
        }
        controls.forEach(c -> counts.merge(c.status().id(), 1, Integer::sum));
        return counts;
    }

    private static List<String> relativeAll(Path out, List<Path> paths) throws IOException {
        List<String> rel = new ArrayList<>();
        for (Path p : paths) {
            rel.add(relative(out, p));
        }
        return rel;
    }

    /** How {@code BundledPolicies} shows the files of an extra policy directory: its path as given, then {@code /}. */
    static String displayPrefix(Path dir) {
        String shown = dir.toString().replace('\\', '/');
        return shown.endsWith("/") ? shown : shown + "/";
    }

    /**
     * {@code path} relative to the evidence directory, with {@code /} separators ({@code .} for the directory itself).
     */
    static String relative(Path out, Path path) throws IOException {
        String rel = out.relativize(path.toRealPath()).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
