package dev.tollgate.cli;

import dev.tollgate.model.Format;
import dev.tollgate.policy.ChecklistCoverage;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.ControlsDocument;
import dev.tollgate.policy.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate policies}: what is checked, how severely, against which checklist items. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the policies: id, severity, format, checklist items, title; or, with --checklist, "
                + "each checklist item's automation and the policies that check it per format.")
final class PoliciesCommand implements Callable<Integer> {

    @ParentCommand
    private TollgateCommand parent;

    @Option(names = "--policies", paramLabel = "DIR", description = "Extra policy directory, as for scan")
    private List<Path> policyDirs = new ArrayList<>();

    @Option(names = "--checklist", description = "Show checklist coverage: each item, its automation "
            + "(automated/partial/manual) and the policies checking it in terraform, kubernetes, compose, dotenv")
    private boolean checklist;

    @Option(names = "--markdown", description = "With --checklist: write the coverage as Markdown (docs/controls.md)")
    private boolean markdown;

    @Override
    public Integer call() {
        Console console = parent.console();
        Policies policies = Policies.load(policyDirs, console);
        if (policies == null) {
            return ExitCode.USAGE.code();
        }
        if (markdown && !checklist) {
            console.err().println("tollgate: --markdown needs --checklist");
            console.err().flush();
            return ExitCode.USAGE.code();
        }
        if (checklist) {
            ChecklistCoverage coverage = ChecklistCoverage.of(policies.catalog());
            if (markdown) {
                console.out().print(ControlsDocument.render(coverage, policies.catalog().policies().size()));
            } else {
                printCoverage(console.out(), coverage, policies.catalog().policies().size());
            }
            console.out().flush();
            return ExitCode.CLEAN.code();
        }
        List<Policy> all = policies.catalog().policies();
        int idWidth = Math.max(2, all.stream().mapToInt(p -> p.id().length()).max().orElse(2));
        int clWidth = Math.max(9, all.stream().mapToInt(p -> String.join(",", p.checklist()).length()).max().orElse(9));
        String row = "%-" + idWidth + "s  %-8s  %-10s  %-" + clWidth + "s  %s%n";
        console.out().printf(row, "ID", "SEVERITY", "FORMAT", "CHECKLIST", "TITLE");
        for (Policy p : all) {
            console.out().printf(row, p.id(), p.severity().id(), p.format().id(), String.join(",", p.checklist()),
                    p.title());
        }
        console.out().printf("%n%d policies covering %d checklist items%n", all.size(),
                all.stream().flatMap(p -> p.checklist().stream()).distinct().count());
        console.out().flush();
        return ExitCode.CLEAN.code();
    }

    /** One line per checklist item: id, automation, then the policy ids per format ("-" for none). */
    private static void printCoverage(PrintWriter out, ChecklistCoverage coverage, int policyCount) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"CHECKLIST ITEM", "AUTOMATION", "TERRAFORM", "KUBERNETES", "COMPOSE", "DOTENV"});
        for (ChecklistCoverage.Row row : coverage.rows()) {
            String[] cells = new String[2 + ChecklistCoverage.COLUMNS.size()];
            cells[0] = row.item().id();
            cells[1] = row.item().automation().id();
            for (int i = 0; i < ChecklistCoverage.COLUMNS.size(); i++) {
                Format f = ChecklistCoverage.COLUMNS.get(i);
                List<String> ids = row.policiesFor(f);
                cells[2 + i] = !ids.isEmpty() ? String.join(",", ids)
                        : "-";
            }
            table.add(cells);
        }
        int[] widths = new int[table.get(0).length];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (String[] cells : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        var counts = coverage.counts();
        out.printf("%n%d checklist items: %d automated, %d partial, %d manual; %d policies%n", coverage.rows().size(),
                counts.get(ChecklistItem.Automation.AUTOMATED), counts.get(ChecklistItem.Automation.PARTIAL),
                counts.get(ChecklistItem.Automation.MANUAL), policyCount);
    }
}
