package dev.tollgate.parse.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.dotenv.DotenvParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {

    @Test
    void displayPathIsRelativeToTheComposeFilesDirectory() {
        assertEquals("env/web.env", EnvFiles.displayPath("deploy/compose.yml", "../env/web.env"));
        assertEquals("deploy/web.env", EnvFiles.displayPath("deploy/compose.yml", "./web.env"));
        assertEquals("a.env", EnvFiles.displayPath("compose.yml", "a.env"));
        assertEquals("a/b/sub/x.env", EnvFiles.displayPath("a/b/c.yml", "sub\\x.env"));
        assertEquals("a/x.env", EnvFiles.displayPath("a/b/c.yml", "./../x.env"));
        assertEquals("../x.env", EnvFiles.displayPath("compose.yml", "../x.env"));
        assertEquals("/etc/x.env", EnvFiles.displayPath("deploy/compose.yml", "/etc/../etc/x.env"));
    }

    @Test
    void anInvalidPathIsUnreadableNotAnException(@TempDir Path root) {
        EnvFiles files = new EnvFiles(new DotenvParser(),
                new SourceFile(root.resolve("compose.yml"), "compose.yml", SourceFile.FileType.COMPOSE_YAML));
        assertEquals(new EnvFiles.Unreadable("nul\0.env", "not a valid path"), files.load("nul\0.env"));
        assertEquals(new EnvFiles.Missing("sub/none.env"), files.load("./sub/none.env"));
    }

    @Test
    void aLinkLeavingTheScanRootIsNotReadWhereverTheRootsRealPathWasResolved(@TempDir Path tmp) throws Exception {
        Path root = java.nio.file.Files.createDirectories(tmp.resolve("repo"));
        java.nio.file.Files.writeString(tmp.resolve("outside.env"), "TOKEN=from-outside\n");
        java.nio.file.Files.writeString(root.resolve("inside.env"), "TOKEN=inside\n");
        java.nio.file.Files.createSymbolicLink(root.resolve("leak.env"), tmp.resolve("outside.env"));
        java.nio.file.Files.createSymbolicLink(root.resolve("alias.env"), root.resolve("inside.env"));
        // The scan reached through a link to its root: the root's real path differs from the path walked.
        Path linkedRoot = java.nio.file.Files.createSymbolicLink(tmp.resolve("repo-link"), root);
        dev.tollgate.parse.ScanTree.RealRoots shared = new dev.tollgate.parse.ScanTree.RealRoots();
        for (Path scanned : new Path[] {root, linkedRoot, root}) {
            SourceFile compose = new SourceFile(scanned.resolve("compose.yml"), "compose.yml",
                    SourceFile.FileType.COMPOSE_YAML);
            EnvFiles files = new EnvFiles(new DotenvParser(), compose,
                    new dev.tollgate.parse.ScanTree(compose, shared));
            assertEquals(new EnvFiles.OutsideRoot("leak.env"), files.load("leak.env"), scanned.toString());
            assertEquals(EnvFiles.Loaded.class, files.load("alias.env").getClass(), scanned.toString());
        }
    }
}
