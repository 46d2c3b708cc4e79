package dev.tollgate.policy;

import dev.tollgate.model.Format;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled catalogue as parsed and validated at build time ({@code PolicyPrecompiler} writes it into the jar next
 * to the precompiled CEL), so that a scan starts without parsing 100-odd YAML files: about a third of a second of a
 * cold start, most of it SnakeYAML's first-call cost, against a few milliseconds to read this back. Digests are
 * those of the files' bytes when the jar was built, which are the bytes the jar carries.
 *
 * <p>A plain length-prefixed binary layout with a format number: any mismatch or damage makes {@link #read} return
 * null and the caller parses the YAML as before, so a snapshot can only ever save time.
 */
public final class CatalogSnapshot {

    /** Where the snapshot lives in the jar (beside the precompiled CEL the same build step writes). */
    public static final String RESOURCE = "/dev/tollgate/engine/precompiled-catalog.bin";
    private static final int FORMAT = 2; // 2: selectTypes
    /** No policy text comes near this; a larger length means damage, not a reason to allocate. */
    private static final int MAX_STRING = 1 << 20;

    private CatalogSnapshot() {
    }

    public static byte[] write(PolicyCatalog catalog) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(catalog.checklist().size());
            for (ChecklistItem c : catalog.checklist()) {
                string(out, c.id());
                string(out, c.section());
                string(out, c.text());
                string(out, c.automation().name());
                string(out, c.why());
            }
            out.writeInt(catalog.policies().size());
            for (Policy p : catalog.policies()) {
                string(out, p.id());
                string(out, p.title());
                string(out, p.description());
                string(out, p.severity().name());
                strings(out, p.checklist());
                string(out, p.format().name());
                strings(out, p.kinds());
                strings(out, p.select());
                strings(out, p.reportAt());
                strings(out, p.selectTypes());
                string(out, p.condition());
                string(out, p.message());
                string(out, p.messageExpression());
                string(out, p.remediation());
                strings(out, p.references());
                string(out, p.source());
                out.writeInt(p.origins().size());
                for (var e : new java.util.TreeMap<>(p.origins()).entrySet()) {
                    string(out, e.getKey());
                    string(out, e.getValue().file());
                    out.writeInt(e.getValue().line());
                    out.writeInt(e.getValue().column());
                    out.writeBoolean(e.getValue().block());
                }
            }
            out.writeInt(catalog.digests().size());
            for (var e : catalog.digests().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** The catalogue in the jar, or null when there is none or it cannot be read (then parse the YAML). */
    public static PolicyCatalog bundled() {
        try (InputStream in = CatalogSnapshot.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The catalogue written by {@link #write}, or null when the bytes are of another format or damaged. */
    public static PolicyCatalog read(InputStream stream) {
        try {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
            if (in.readInt() != FORMAT) {
                return null;
            }
            List<ChecklistItem> checklist = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                checklist.add(new ChecklistItem(string(in), string(in), string(in),
                        ChecklistItem.Automation.valueOf(string(in)), string(in)));
            }
            List<Policy> policies = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String id = string(in);
                String title = string(in);
                String description = string(in);
                Severity severity = Severity.valueOf(string(in));
                List<String> checklistIds = strings(in);
                Format format = Format.valueOf(string(in));
                List<String> kinds = strings(in);
                List<String> select = strings(in);
                List<String> reportAt = strings(in);
                List<String> selectTypes = strings(in);
                String condition = string(in);
                String message = string(in);
                String messageExpression = string(in);
                String remediation = string(in);
                List<String> references = strings(in);
                String source = string(in);
                Map<String, ExpressionOrigin> origins = new LinkedHashMap<>();
                for (int j = in.readInt(); j > 0; j--) {
                    origins.put(string(in),
                            new ExpressionOrigin(string(in), in.readInt(), in.readInt(), in.readBoolean()));
                }
                policies.add(new Policy(id, title, description, severity, checklistIds, format, kinds, select, reportAt,
                        condition, message, messageExpression, remediation, references, source, origins, selectTypes));
            }
            Map<String, String> digests = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                digests.put(string(in), string(in));
            }
            if (in.read() != -1) {
                return null;
            }
            return new PolicyCatalog(policies, checklist, digests);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The policies in the order {@link PolicyCatalog#load} first met them (by file path), which is the order it
     * reports cross-file errors in; the catalogue itself keeps them by id.
     */
    static List<Policy> inLoadOrder(PolicyCatalog catalog) {
        return catalog.policies().stream().sorted(Comparator.comparing(Policy::source)).toList();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > MAX_STRING) {
            throw new IOException("damaged snapshot: string of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("damaged snapshot: list of " + n + " strings");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }
}
