package dev.tollgate.cli;

import dev.tollgate.config.ConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tollgate init}: writes a commented example {@code .tollgate.yml}. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented example configuration file (.tollgate.yml).")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    private TollgateCommand parent;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where to write it (default: .)")
    private Path dir = Path.of(".");

    @Option(names = "--force", description = "Overwrite an existing file")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        Console console = parent.console();
        Path target = dir.resolve(ConfigReader.DEFAULT_NAME);
        if (Files.exists(target) && !force) {
            console.err().println("tollgate: " + target + " already exists (use --force to overwrite)");
            return ExitCode.USAGE.code();
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("/dev/tollgate/config/tollgate.example.yml")) {
            if (in == null) {
                throw new IllegalStateException("example configuration missing from the build");
            }
            Files.write(target, in.readAllBytes());
        }
        console.out().println("wrote " + target);
        console.out().flush();
        return ExitCode.CLEAN.code();
    }
}
