package dev.tollgate.evidence;

import java.util.List;
import java.util.Map;

/**
 * evidence.json, field for field (written in snake_case; the format is described in docs/evidence.md).
 *
 * @param schema the format's name and version
 * @param tool what produced it
 * @param generatedAt when, ISO-8601 UTC ({@code SOURCE_DATE_EPOCH} when set)
 * @param timeSource {@code SOURCE_DATE_EPOCH} or {@code clock}
 * @param source what was scanned: roots and commit
 * @param policySet the policies and checklist used, with digests
 * @param inputs every file scanned, with its digest
 * @param attestations the attestation file given, or null
 * @param summary how many controls have each status, every status present
 * @param controls one per checklist item, in catalogue order
 * @param problems files or parts of files not understood, and policy errors
 */
public record EvidenceDocument(
        String schema,
        Tool tool,
        String generatedAt,
        String timeSource,
        Source source,
        PolicySet policySet,
        List<InputFile> inputs,
        AttestationFile attestations,
        Map<String, Integer> summary,
        List<Control> controls,
        List<ProblemEntry> problems) {

    /**
     * The format's name and version. Version 2 added the status {@code incomplete} and each control's
     * {@code not_understood}: a new status value breaks a reader that enumerates the statuses, hence a new version.
     */
    public static final String SCHEMA = "tollgate-evidence/2";

    /** The tool's name and version. */
    public record Tool(String name, String version) {
    }

    /**
     * What was scanned.
     *
     * @param roots the scan roots, relative to the evidence directory (so {@code verify} finds them from there)
     * @param repository whether the first root is inside a Git work tree
     * @param commit {@code git rev-parse HEAD}, or null
     * @param dirty whether the work tree had changes (the evidence directory aside), or null outside Git
     * @param note why commit or dirty is missing, or null
     */
    public record Source(List<String> roots, boolean repository, String commit, Boolean dirty, String note) {
    }

    /**
     * The policies used.
     *
     * @param digest SHA-256 over {@code files}, as {@code sha256sum} lines sorted by path
     * @param extraDirs the {@code --policies} directories
     * @param files every checklist and policy file used, with its SHA-256
     * @param policies each policy with the file it came from and that file's SHA-256
     */
    public record PolicySet(String digest, List<PolicyDir> extraDirs, List<FileDigest> files,
            List<PolicyDigest> policies) {
    }

    /**
     * A {@code --policies} directory.
     *
     * @param path the prefix its files are shown with (as given on the command line, ending in {@code /})
     * @param href where it is, relative to the evidence directory
     */
    public record PolicyDir(String path, String href) {
    }

    /** A file and its SHA-256. */
    public record FileDigest(String path, String sha256) {
    }

    /** A policy, where it was loaded from, and the SHA-256 of that file. */
    public record PolicyDigest(String id, String source, String sha256) {
    }

    /**
     * A scanned file.
     *
     * @param path as every report shows it: relative to its scan root
     * @param href where it is, relative to the evidence directory (links in report.html, {@code verify})
     * @param format what it was read as
     * @param resources how many resources it gave
     * @param sha256 digest of its bytes when scanned
     */
    public record InputFile(String path, String href, String format, int resources, String sha256) {
    }

    /** The attestation file, relative to the evidence directory, its digest and how many attestations it held. */
    public record AttestationFile(String href, String sha256, int count) {
    }

    /** A problem of the scan: file, line (0 = whole file), kind and message. */
    public record ProblemEntry(String file, int line, String kind, String message) {
    }
}
