package dev.tollgate.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files changed since a git ref, for pull-request scans: committed changes between the ref and the working tree,
 * plus untracked files, as paths relative to the scan root. Runs {@code git} directly (no shell), so a ref cannot
 * inject anything.
 */
public final class ChangedFiles {

    /** Why the changed files could not be listed; its message is for the user. */
    public static final class GitError extends Exception {
        private static final long serialVersionUID = 1L;

        GitError(String message) {
            super(message);
        }
    }

    private ChangedFiles() {
    }

    /** Paths relative to {@code root}, with {@code /} separators. */
    public static Set<String> since(String ref, Path root) throws GitError {
        if (ref.startsWith("-")) {
            throw new GitError("--changed-since: '" + ref + "' is not a git ref");
        }
        Path dir = root.toAbsolutePath().normalize();
        run(dir, "git", "rev-parse", "--is-inside-work-tree");
        try {
            run(dir, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        } catch (GitError e) {
            throw new GitError("--changed-since: unknown git ref '" + ref + "' (in a shallow clone, fetch it first: "
                    + "git fetch --depth=1 origin " + ref + ")");
        }
        Set<String> out = new LinkedHashSet<>();
        out.addAll(lines(run(dir, "git", "diff", "--name-only", "--relative", "--no-renames", ref, "--")));
        out.addAll(lines(run(dir, "git", "ls-files", "--others", "--exclude-standard")));
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    private static String run(Path dir, String... command) throws GitError {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String err;
            try (InputStream in = p.getErrorStream()) {
                err = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitError("git did not answer within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new GitError("--changed-since: " + (err.isEmpty() ? "git " + command[1] + " failed" : err)
                        + " (in " + dir + ")");
            }
            return out;
        } catch (IOException e) {
            throw new GitError("--changed-since needs git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitError("interrupted while running git");
        }
    }
}
