package dev.tollgate.cli;

import dev.tollgate.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate policies}: what is checked, how severely, against which checklist items. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the policies: id, severity, format, checklist items, title.")
final class PoliciesCommand implements Callable<Integer> {

    @ParentCommand
    private TollgateCommand parent;

    @Option(names = "--policies", paramLabel = "DIR", description = "Extra policy directory, as for scan")
    private List<Path> policyDirs = new ArrayList<>();

    @Override
    public Integer call() {
        Console console = parent.console();
        Policies policies = Policies.load(policyDirs, console);
        if (policies == null) {
            return ExitCode.USAGE.code();
        }
        List<Policy> all = policies.catalog().policies();
        int idWidth = Math.max(2, all.stream().mapToInt(p -> p.id().length()).max().orElse(2));
        int clWidth = Math.max(9, all.stream().mapToInt(p -> String.join(",", p.checklist()).length()).max().orElse(9));
        String row = "%-" + idWidth + "s  %-8s  %-10s  %-" + clWidth + "s  %s%n";
        console.out().printf(row, "ID", "SEVERITY", "FORMAT", "CHECKLIST", "TITLE");
        for (Policy p : all) {
            console.out().printf(row, p.id(), p.severity().id(), p.format().id(), String.join(",", p.checklist()), p.title());
        }
        console.out().printf("%n%d policies covering %d checklist items%n", all.size(),
                all.stream().flatMap(p -> p.checklist().stream()).distinct().count());
        console.out().flush();
        return ExitCode.CLEAN.code();
    }
}
