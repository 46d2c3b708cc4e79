package dev.tollgate.parse.terraform.hcl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line side of the differential test against HashiCorp's parser (see {@code scripts/hcl-diff}).
 *
 * <pre>
 *   HclJsonDump FILE.tf                           print our tree in hcl2json's JSON shape (or the errors)
 *   HclJsonDump --compare RECORDED_DIR FILE.tf... compare with hcl2json's recorded NAME.json / NAME.error
 * </pre>
 */
public final class HclJsonDump {

    /** The verdict for one file. */
    enum Verdict { AGREE, DIFFER, BOTH_REJECT, ONLY_OURS_REJECTS, ONLY_HCL2JSON_REJECTS, NOT_RECORDED }

    record Outcome(Verdict verdict, String detail) {
    }

    private HclJsonDump() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1) {
            HclFile file = parseFile(Path.of(args[0]));
            if (file.hasErrors()) {
                file.diagnostics().forEach(System.out::println);
                System.exit(1);
            }
            System.out.print(Json.write(HclJsonShape.body(file.body())));
            return;
        }
        if (args.length < 2 || !args[0].equals("--compare")) {
            System.err.println("usage: HclJsonDump FILE.tf | HclJsonDump --compare RECORDED_DIR FILE.tf...");
            System.exit(2);
        }
        Path recorded = Path.of(args[1]);
        Map<Verdict, Integer> counts = new TreeMap<>();
        for (int i = 2; i < args.length; i++) {
            Path tf = Path.of(args[i]);
            Outcome outcome = compare(tf, recorded);
            counts.merge(outcome.verdict(), 1, Integer::sum);
            System.out.printf("%-22s %s%s%n", outcome.verdict().name().toLowerCase().replace('_', '-'), tf,
                    outcome.detail().isEmpty() ? "" : "\n    " + outcome.detail());
        }
        System.out.println("summary: " + counts);
        boolean bad = counts.keySet().stream().anyMatch(v -> v != Verdict.AGREE && v != Verdict.BOTH_REJECT);
        System.exit(bad ? 1 : 0);
    }

    static HclFile parseFile(Path tf) throws IOException {
        return HclParser.parse(Files.readString(tf, StandardCharsets.UTF_8), tf.getFileName().toString());
    }

    /** Compares our parse of {@code tf} with hcl2json's recorded result in {@code recorded}. */
    static Outcome compare(Path tf, Path recorded) throws IOException {
        HclFile ours = parseFile(tf);
        String name = tf.getFileName().toString();
        Path json = recorded.resolve(name + ".json");
        Path error = recorded.resolve(name + ".error");
        List<String> ourErrors = new ArrayList<>();
        ours.diagnostics().forEach(d -> ourErrors.add(d.toString()));
        if (!ours.hasErrors()) {
            try {
                HclJsonShape.body(ours.body());
            } catch (HclJsonShape.Unconvertible e) {
                ourErrors.add("(conversion) " + e.getMessage());
            }
        }
        if (Files.exists(error)) {
            String theirs = Files.readString(error).strip();
            return !ourErrors.isEmpty()
                    ? new Outcome(Verdict.BOTH_REJECT, "ours: " + ourErrors.get(0) + "\n    hcl2json: " + theirs)
                    : new Outcome(Verdict.ONLY_HCL2JSON_REJECTS, "hcl2json: " + theirs);
        }
        if (!Files.exists(json)) {
            return new Outcome(Verdict.NOT_RECORDED, "no " + json + " or " + error);
        }
        if (!ourErrors.isEmpty()) {
            return new Outcome(Verdict.ONLY_OURS_REJECTS, "ours: " + String.join("; ", ourErrors));
        }
        Object theirs = Json.read(Files.readString(json, StandardCharsets.UTF_8));
        String difference = JsonShapeComparison.firstDifference(HclJsonShape.body(ours.body()), theirs);
        return difference == null ? new Outcome(Verdict.AGREE, "") : new Outcome(Verdict.DIFFER, difference);
    }
}
