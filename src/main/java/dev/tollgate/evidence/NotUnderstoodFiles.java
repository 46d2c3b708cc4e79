package dev.tollgate.evidence;

import dev.tollgate.discovery.FileClassifier;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Format;
import dev.tollgate.model.Problem;
import dev.tollgate.report.ScanSummary;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of a scan that were not fully understood (parse error, unreadable, skipped, not scanned: see
 * {@link ScanSummary#isNotUnderstood}), each with the formats it may hold. A control whose policies judge one of those
 * formats is not proven by what was read, since the part not read may hold what they would fail; a control that
 * judges none of them is not concerned (a broken compose file says nothing about a Terraform-only item).
 *
 * <p>A file's possible formats, erring towards "possibly this format" where the scan cannot tell:
 * <ul>
 *   <li>a file the scan lists: the format it was read as ({@code kubernetes+dotenv} is both); {@code yaml}, YAML that
 *       held nothing of ours (a file that did not parse at all, or a Helm chart's {@code Chart.yaml}, which carries
 *       the problem of the chart's templates left out), counts as Kubernetes, as discovery takes any YAML file not
 *       named like a compose file to be;</li>
 *   <li>a file the scan does not list (discovery passed it over: too large, binary, unreadable): what its name says,
 *       a {@code .json} file being a Terraform plan or a Kubernetes manifest, since discovery tells them apart by
 *       content it may not have read;</li>
 *   <li>anything else (a directory that could not be walked, a name discovery does not recognise): any format.</li>
 * </ul>
 *
 * @param formatsByFile the display path of each file not fully understood, sorted, with the formats it may hold
 */
record NotUnderstoodFiles(Map<String, Set<Format>> formatsByFile) {

    NotUnderstoodFiles {
        Map<String, Set<Format>> copy = new TreeMap<>();
        formatsByFile.forEach((file, formats) -> {
            Set<Format> set = EnumSet.noneOf(Format.class);
            set.addAll(formats);
            copy.put(file, Collections.unmodifiableSet(set));
        });
        formatsByFile = Collections.unmodifiableMap(copy);
    }

    /** The files of {@code report} with a problem that leaves part of them not understood. */
    static NotUnderstoodFiles of(ScanReport report) {
        // Two roots may both hold, say, deploy.yaml: a display path may be any of the files shown with it.
        Map<String, Set<Format>> listed = new HashMap<>();
        for (ScannedFile f : report.files()) {
            listed.computeIfAbsent(f.path(), k -> EnumSet.noneOf(Format.class)).addAll(readAs(f.format()));
        }
        Map<String, Set<Format>> gaps = new TreeMap<>();
        for (Problem p : report.problems()) {
            if (ScanSummary.isNotUnderstood(p)) {
                gaps.computeIfAbsent(p.file(), file -> listed.getOrDefault(file, byName(file)));
            }
        }
        return new NotUnderstoodFiles(gaps);
    }

    /** The files, sorted, that may hold one of {@code formats}: those policies of that format would judge. */
    List<String> judgedBy(Set<Format> formats) {
        return formatsByFile.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(formats::contains))
                .map(Map.Entry::getKey).toList();
    }

    /** The formats of a listed file's {@link ScannedFile#format()}; one this class does not know: any. */
    private static Set<Format> readAs(String scannedFormat) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String id : scannedFormat.split("\\+")) {
            if (id.equals("yaml")) {
                formats.add(Format.KUBERNETES);
                continue;
            }
            try {
                formats.add(Format.fromId(id));
            } catch (IllegalArgumentException e) {
                return EnumSet.allOf(Format.class); // a format added to the scanner but not here yet: assume any
            }
        }
        return formats;
    }

    /** What a file discovery did not list could have been, from its name. */
    private static Set<Format> byName(String displayPath) {
        String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
        return FileClassifier.classify(name).map(type -> switch (type) {
            case YAML -> EnumSet.of(Format.KUBERNETES);
            case COMPOSE_YAML -> EnumSet.of(Format.COMPOSE);
            case DOTENV -> EnumSet.of(Format.DOTENV);
            case TERRAFORM -> EnumSet.of(Format.TERRAFORM);
            case TERRAFORM_PLAN -> EnumSet.of(Format.TERRAFORM, Format.KUBERNETES);
        }).orElseGet(() -> EnumSet.allOf(Format.class));
    }
}
