package dev.tollgate.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of accepted findings, written by {@code --write-baseline} and read by {@code --baseline}. A rescan reports
 * only findings whose fingerprint is not in it. The fingerprint leaves the line out, so code that moves down ten
 * lines keeps matching; it keeps the file and resource address in, so two resources with the same address in
 * different files stay distinct.
 */
public record Baseline(List<BaselineEntry> entries) {

    private static final int VERSION = 1;

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** The unsuppressed findings of {@code report}, in report order. */
    public static Baseline of(ScanReport report) {
        Map<String, BaselineEntry> byFingerprint = new LinkedHashMap<>();
        for (Evaluation e : report.evaluations()) {
            if (e.outcome() == Outcome.FAIL && e.suppression() == null) {
                byFingerprint.putIfAbsent(e.fingerprint(), new BaselineEntry(e.fingerprint(), e.policyId(),
                        e.location().file(), e.resourceAddress(), e.pointer()));
            }
        }
        return new Baseline(new ArrayList<>(byFingerprint.values()));
    }

    /** Marks each failure NEW or UNCHANGED and summarises what matched and what is gone. */
    public ScanReport applyTo(ScanReport report, String fileShown) {
        Set<String> known = new LinkedHashSet<>();
        entries.forEach(e -> known.add(e.fingerprint()));
        Set<String> seen = new LinkedHashSet<>();
        List<Evaluation> marked = new ArrayList<>();
        int matched = 0;
        for (Evaluation e : report.evaluations()) {
            if (e.outcome() != Outcome.FAIL) {
                marked.add(e);
                continue;
            }
            boolean inBaseline = known.contains(e.fingerprint());
            if (inBaseline) {
                seen.add(e.fingerprint());
                if (e.suppression() == null) {
                    matched++;
                }
            }
            marked.add(e.withBaseline(inBaseline ? BaselineState.UNCHANGED : BaselineState.NEW));
        }
        List<BaselineEntry> fixed = entries.stream().filter(b -> !seen.contains(b.fingerprint())).toList();
        return report.withEvaluations(marked).withBaseline(new BaselineSummary(fileShown, matched, fixed));
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "tollgate");
        root.put("baselineVersion", VERSION);
        ArrayNode list = root.putArray("findings");
        for (BaselineEntry e : entries) {
            ObjectNode n = list.addObject();
            n.put("fingerprint", e.fingerprint());
            n.put("policy", e.policy());
            n.put("file", e.file());
            n.put("resource", e.resource());
            n.put("pointer", e.pointer());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree Jackson built", e);
        }
    }

    /** Reads a baseline file; the message of the exception says what is wrong with it. */
    public static Baseline fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Tollgate baseline (invalid JSON at line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new IllegalArgumentException("not a Tollgate baseline (no 'findings' list)");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (JsonNode n : root.path("findings")) {
            String fp = n.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new IllegalArgumentException("baseline entry without a fingerprint");
            }
            entries.add(new BaselineEntry(fp, n.path("policy").asText(""), n.path("file").asText(""),
                    n.path("resource").asText(""), n.path("pointer").asText("")));
        }
        return new Baseline(entries);
    }
}
