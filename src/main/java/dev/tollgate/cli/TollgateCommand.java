package dev.tollgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level command: only subcommands, help and version. */
@Command(
        name = "tollgate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Checks infrastructure definitions (Terraform, Kubernetes, docker-compose, .env) against the "
                + "production-deployment checklist, written as CEL policies.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage or configuration error (unknown flag, missing path, policy that does not load)",
            "3:internal error (a bug in Tollgate; --debug shows details)"},
        subcommands = {ScanCommand.class, PoliciesCommand.class, InitCommand.class, EvidenceCommand.class})
final class TollgateCommand implements Callable<Integer> {

    private final Console console;
    private final PolicyPrefetch prefetch;

    TollgateCommand(Console console, PolicyPrefetch prefetch) {
        this.console = console;
        this.prefetch = prefetch;
    }

    Console console() {
        return console;
    }

    PolicyPrefetch prefetch() {
        return prefetch;
    }

    @Override
    public Integer call() {
        console.err().println("tollgate: a command is required (scan, policies). Run 'tollgate --help' for usage.");
        return ExitCode.USAGE.code();
    }
}
