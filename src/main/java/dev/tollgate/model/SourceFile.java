package dev.tollgate.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file discovery chose for scanning.
 *
 * @param path where to read it
 * @param displayPath its path relative to the scan root with {@code /} separators: what every report shows
 * @param type what discovery took it to be, from its name
 * @param root the scan root it was found under (absolute, normalised): files it refers to (Terraform's file() and
 *     modules, compose's env_file and extends) are read only inside it. Null when not known: then it is the path
 *     with as many trailing names removed as the display path has, which is the same for a scan of one root.
 */
public record SourceFile(Path path, String displayPath, FileType type, Path root) {

    public SourceFile(Path path, String displayPath, FileType type) {
        this(path, displayPath, type, null);
    }

    /** What a file looks like from its name. YAML content decides between Kubernetes and compose. */
    public enum FileType {
        /** Any YAML file; its documents are Kubernetes objects, a compose file, or neither. */
        YAML,
        /** A YAML file whose name says it is a compose file. */
        COMPOSE_YAML,
        /** An env template: {@code .env}, {@code .env.*}, {@code *.env}. */
        DOTENV,
        /** A Terraform file: {@code *.tf}. */
        TERRAFORM,
        /** A Terraform plan as {@code terraform show -json} writes it: {@code *.json} with {@code planned_values}. */
        TERRAFORM_PLAN
    }

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(type, "type");
    }
}
