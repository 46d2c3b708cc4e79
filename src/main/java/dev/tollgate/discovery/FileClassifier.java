package dev.tollgate.discovery;

import dev.tollgate.config.ConfigReader;
import dev.tollgate.model.SourceFile.FileType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides from a file's name whether it is ours and what it probably is. Content decides the rest. Public so that the
 * evidence export can say what a file discovery passed over (too large, binary, unreadable) would have been.
 */
public final class FileClassifier {

    private FileClassifier() {
    }

    /** What a file named {@code fileName} (a name, not a path) is taken to be; empty when it is not ours. */
    public static Optional<FileType> classify(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tf") || n.endsWith(".tf.json")) {
            return Optional.of(FileType.TERRAFORM);
        }
        if (n.endsWith(".json")) {
            return Optional.of(FileType.TERRAFORM_PLAN); // only a candidate: FileDiscovery sniffs the content
        }
        if (n.equals(ConfigReader.DEFAULT_NAME)) {
            return Optional.empty(); // Tollgate's own configuration file: never infrastructure to scan
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            boolean compose = n.startsWith("docker-compose") || n.equals("compose.yaml") || n.equals("compose.yml")
                    || n.startsWith("compose.");
            return Optional.of(compose ? FileType.COMPOSE_YAML : FileType.YAML);
        }
        // .env, .env.production, .env.production.example, prod.env — but not .envrc or environment.ts
        if (n.equals(".env") || n.startsWith(".env.") || (n.endsWith(".env") && n.length() > 4)) {
            return Optional.of(FileType.DOTENV);
        }
        if (ENV_TEMPLATE.matcher(n).matches()) {
            return Optional.of(FileType.DOTENV);
        }
        return Optional.empty();
    }

    /**
     * Template names projects use besides {@code .env.*}: {@code .env_sample}, {@code .env-example},
     * {@code env.example}, {@code app.env.sample}. Only with a template or stage word after the separator, so
     * {@code .env-cmdrc} (a JSON file of the env-cmd tool) and {@code env.js} stay out.
     */
    private static final Pattern ENV_TEMPLATE = Pattern.compile(
            "(\\.env[_-]|env\\.|[\\w.-]+\\.env\\.)(example|sample|template|tmpl|tpl|dist|default|defaults)");
}
