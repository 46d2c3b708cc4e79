package dev.tollgate.evidence;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.SourceFile;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.policy.PolicyLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code tollgate evidence verify DIR}: recomputes the digests of what an evidence directory recorded and says what
 * changed since: input files modified, deleted or added under the scanned roots, the attestation file, and the policy
 * files (the bundled ones of this Tollgate, and the {@code --policies} directories recorded). Paths are resolved from
 * the evidence directory, so verify works from any working directory.
 */
public final class EvidenceVerifier {

    private EvidenceVerifier() {
    }

    /** What kind of change. */
    public enum ChangeKind {
        MODIFIED, MISSING, ADDED, POLICY_MODIFIED, POLICY_MISSING, POLICY_ADDED
    }

    /** One difference between the evidence and the files now. */
    public record Change(ChangeKind kind, String path, String detail) {

        @Override
        public String toString() {
            return String.format("%-15s %s%s", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), path,
                    detail == null ? "" : "  (" + detail + ")");
        }
    }

    /**
     * The outcome.
     *
     * @param changes every difference; empty means the evidence still describes the files
     * @param inputsChecked how many recorded inputs were recomputed (present ones)
     * @param policyFilesChecked how many recorded policy files were compared
     * @param notes things worth knowing that are not changes of evidence (the commit moved, policies do not load)
     */
    public record Result(List<Change> changes, int inputsChecked, int policyFilesChecked, List<String> notes) {

        public boolean unchanged() {
            return changes.isEmpty();
        }
    }

    /** Verifies {@code dir}; throws when it holds no readable evidence.json. */
    public static Result verify(Path dir) throws IOException {
        Path file = dir.resolve(EvidenceExporter.EVIDENCE_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not found (is " + dir + " an evidence directory?)");
        }
        EvidenceDocument doc;
        try {
            doc = EvidenceJson.read(file);
        } catch (IOException e) {
            throw new IOException(file + ": not readable evidence: " + e.getMessage(), e);
        }
        if (doc.inputs() == null || doc.policySet() == null || doc.source() == null) {
            throw new IOException(file + ": not readable evidence: inputs, policy_set or source missing");
        }
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int inputs = inputs(dir, doc, changes);
        if (doc.attestations() != null) {
            compare(dir.resolve(doc.attestations().href()), doc.attestations().href(), doc.attestations().sha256(),
                    ChangeKind.MODIFIED, ChangeKind.MISSING, changes);
        }
        int policies = policies(dir, doc, changes, notes);
        SourceRevision now = SourceRevision.detect(firstRootDir(dir, doc), dir.toRealPath());
        if (doc.source().commit() != null && !Objects.equals(doc.source().commit(), now.commit())) {
            notes.add("HEAD is now " + (now.commit() == null ? "unknown" : now.commit())
                    + ", the evidence was taken at " + doc.source().commit());
        }
        return new Result(changes, inputs, policies, notes);
    }

    private static int inputs(Path dir, EvidenceDocument doc, List<Change> changes) {
        int checked = 0;
        Set<String> recorded = new HashSet<>();
        for (EvidenceDocument.InputFile f : doc.inputs()) {
            recorded.add(f.path());
            if (f.href() == null) {
                continue;
            }
            checked += compare(dir.resolve(f.href()), f.path(), f.sha256(), ChangeKind.MODIFIED, ChangeKind.MISSING,
                    changes) ? 1 : 0;
        }
        List<Path> roots = new ArrayList<>();
        for (String r : doc.source().roots()) {
            Path root = dir.resolve(r).normalize();
            if (Files.exists(root)) {
                roots.add(root);
            }
        }
        for (SourceFile f : new FileDiscovery().discover(roots).files()) {
            if (!recorded.contains(f.displayPath())) {
                changes.add(new Change(ChangeKind.ADDED, f.displayPath(), null));
            }
        }
        return checked;
    }

    /** Compares one file with its recorded digest; true when it is present (and so was checked). */
    private static boolean compare(Path file, String shown, String recorded, ChangeKind modified, ChangeKind missing,
            List<Change> changes) {
        if (!Files.isRegularFile(file)) {
            changes.add(new Change(missing, shown, null));
            return false;
        }
        try {
            String now = Digests.of(file);
            if (!now.equals(recorded)) {
                changes.add(new Change(modified, shown, "sha256 " + shortHash(recorded) + " -> " + shortHash(now)));
            }
        } catch (IOException e) {
            changes.add(new Change(missing, shown, "cannot read: " + e.getMessage()));
            return false;
        }
        return true;
    }

    private static int policies(Path dir, EvidenceDocument doc, List<Change> changes, List<String> notes) {
        List<Path> extra = doc.policySet().extraDirs().stream().map(d -> dir.resolve(d.href()).normalize()).toList();
        PolicyCatalog current;
        try {
            current = BundledPolicies.load(extra);
        } catch (PolicyLoadException e) {
            notes.add("the policies no longer load, so they could not be compared: "
                    + e.errors().get(0) + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : ""));
            changes.add(new Change(ChangeKind.POLICY_MODIFIED, "policy set", "does not load"));
            return 0;
        }
        Map<String, String> then = new TreeMap<>();
        doc.policySet().files().forEach(f -> then.put(f.path(), f.sha256()));
        // The files of an extra directory are shown under the path it was given as; from here it has another one.
        Map<String, String> now = new TreeMap<>();
        current.digests().forEach((path, digest) -> {
            String shown = path;
            for (int i = 0; i < extra.size(); i++) {
                String prefixNow = EvidenceExporter.displayPrefix(extra.get(i));
                if (path.startsWith(prefixNow)) {
                    shown = doc.policySet().extraDirs().get(i).path() + path.substring(prefixNow.length());
                    break;
                }
            }
            now.put(shown, digest);
        });
        for (Map.Entry<String, String> e : then.entrySet()) {
            String digest = now.get(e.getKey());
            if (digest == null) {
                changes.add(new Change(ChangeKind.POLICY_MISSING, e.getKey(), null));
            } else if (!digest.equals(e.getValue())) {
                changes.add(new Change(ChangeKind.POLICY_MODIFIED, e.getKey(),
                        "sha256 " + shortHash(e.getValue()) + " -> " + shortHash(digest)));
            }
        }
        Map<String, String> added = new LinkedHashMap<>(now);
        added.keySet().removeAll(then.keySet());
        added.keySet().forEach(p -> changes.add(new Change(ChangeKind.POLICY_ADDED, p, null)));
        return (int) then.keySet().stream().filter(now::containsKey).count();
    }

    private static Path firstRootDir(Path dir, EvidenceDocument doc) {
        if (doc.source().roots().isEmpty()) {
            return dir;
        }
        Path root = dir.resolve(doc.source().roots().get(0)).normalize();
        return Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
