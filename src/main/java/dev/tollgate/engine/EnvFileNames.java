package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a file's name says about the configuration in it: a template for developers to copy
 * ({@code .env.example}), and which stage it configures ({@code .env.production}, {@code docker-compose.dev.yml}).
 *
 * <p>Only the file name is read, never the directories: a repository's {@code dev/} package or {@code test/} folder
 * says nothing about the stage of a file inside it, and guessing from it would hide findings.
 */
final class EnvFileNames {

    private static final Set<String> TEMPLATE = Set.of("example", "sample", "template", "tpl", "dist", "default",
            "defaults", "skel");
    private static final List<StageWords> STAGES = List.of(
            new StageWords("production", Set.of("production", "prod", "prd", "live")),
            new StageWords("staging", Set.of("staging", "stage", "stg", "preprod", "uat")),
            new StageWords("test", Set.of("test", "tests", "testing", "ci", "e2e")),
            new StageWords("development", Set.of("development", "develop", "dev", "local", "override")));

    private record StageWords(String stage, Set<String> words) {
    }

    private EnvFileNames() {
    }

    /**
     * True for {@code .env.example}, {@code .env.production.sample}, {@code env.template}, {@code .env.dist} and the
     * like.
     */
    static boolean isTemplate(String path) {
        for (String word : words(path)) {
            if (TEMPLATE.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code production}, {@code staging}, {@code test} or {@code development} when the file name says so, else "".
     * Production wins over the rest, so Next.js's {@code .env.production.local} is production.
     */
    static String stage(String path) {
        List<String> words = words(path);
        for (StageWords s : STAGES) {
            for (String word : words) {
                if (s.words().contains(word)) {
                    return s.stage();
                }
            }
        }
        return "";
    }

    /**
     * True when the file configures a deployment as it stands: not named for development or tests, and not a template
     * unless its name says production or staging. Templates such as {@code .env.example} hold defaults for a
     * developer's machine ({@code DEBUG=True}, {@code ALLOWED_HOSTS=localhost}); judging them as production settings
     * would report what every maintainer wrote on purpose.
     */
    static boolean isDeployFile(String path) {
        String stage = stage(path);
        if (stage.equals("development") || stage.equals("test")) {
            return false;
        }
        return !isTemplate(path) || stage.equals("production") || stage.equals("staging");
    }

    /**
     * The words of the file name: split at dots, underscores and dashes. Written out rather than with
     * {@code String.split}, whose regex is compiled again on every call: this runs for every element some policies
     * judge, and showed up in profiles of large scans.
     */
    private static List<String> words(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.' || name.charAt(i) == '_' || name.charAt(i) == '-') {
                if (i > start) {
                    words.add(name.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }
}
