package dev.tollgate.parse.terraform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Values for root-module variables given on the command line, applied after {@code terraform.tfvars} and
 * {@code *.auto.tfvars}, in this order: every {@code --var-file}, then every {@code --var}.
 *
 * @param varFiles {@code --var-file} files, read as HCL
 * @param vars {@code --var NAME=VALUE}, by name, in the order given
 */
public record TerraformOptions(List<Path> varFiles, Map<String, String> vars) {

    public TerraformOptions {
        varFiles = List.copyOf(varFiles);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }

    public static TerraformOptions none() {
        return new TerraformOptions(List.of(), Map.of());
    }
}
