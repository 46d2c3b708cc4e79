package dev.tollgate.parse.terraform;

import dev.tollgate.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes Terraform trees for tests and evaluates them. */
final class TerraformFixture {

    private final Path root;

    TerraformFixture(Path root) {
        this.root = root;
    }

    TerraformFixture file(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TerraformParser.Result evaluate() {
        return evaluate(TerraformOptions.none());
    }

    TerraformParser.Result evaluate(TerraformOptions options) {
        return new TerraformParser(options).parseDirectory(root);
    }

    static Resource resource(TerraformParser.Result r, String address) {
        return r.resources().stream().filter(x -> x.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address + " in "
                        + r.resources().stream().map(Resource::address).toList()));
    }

    /** The value of one attribute of a one-resource configuration {@code attr = EXPR}, plus {@code extra} blocks. */
    static Object value(Path dir, String expr, String extra) {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", extra + "\nresource \"t\" \"r\" {\n  v = " + expr + "\n}\n").evaluate();
        return resource(r, "t.r").data().get("v");
    }

    static Map<String, Object> data(TerraformParser.Result r, String address) {
        return resource(r, address).data();
    }
}
