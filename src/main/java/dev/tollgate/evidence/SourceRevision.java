package dev.tollgate.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit the scanned tree is at, by asking {@code git}.
 *
 * @param repository whether the first scan root is inside a Git work tree
 * @param commit {@code git rev-parse HEAD}, or null outside a repository (or before the first commit)
 * @param dirty whether the work tree differs from HEAD (tracked changes or untracked files, ignoring the evidence
 *     output directory, so a rerun into the same directory does not call its own output a change); null outside a
 *     repository
 * @param note why there is no commit, when there is none
 */
public record SourceRevision(boolean repository, String commit, Boolean dirty, String note) {

    private static final long TIMEOUT_SECONDS = 60;

    /** Not a repository, with the reason. */
    static SourceRevision none(String note) {
        return new SourceRevision(false, null, null, note);
    }

    /**
     * Asks git about {@code dir}. Never throws: no git, no repository or a refused repository (git's
     * {@code safe.directory} check, which we respect rather than override) give {@link #none}.
     *
     * @param exclude the output directory (existing), left out of the dirty check
     */
    static SourceRevision detect(Path dir, Path exclude) {
        try {
            Result top = git(dir, "rev-parse", "--show-toplevel");
            if (top.code() != 0) {
                return none("not a Git work tree: " + firstLine(top.err()));
            }
            Path root = Path.of(top.out().strip()).toRealPath();
            Result head = git(dir, "rev-parse", "--verify", "--quiet", "HEAD");
            String commit = head.code() == 0 ? head.out().strip() : null;
            Result status = git(dir, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                    "--ignore-submodules=none");
            if (status.code() != 0) {
                return new SourceRevision(true, commit, null, "git status failed: " + firstLine(status.err()));
            }
            Path excluded = exclude.toRealPath(); // the exporter creates it first
            boolean dirty = false;
            for (String path : changedPaths(status.out())) {
                if (!root.resolve(path).normalize().startsWith(excluded)) {
                    dirty = true;
                    break;
                }
            }
            return new SourceRevision(true, commit, dirty, commit == null ? "no commit yet" : null);
        } catch (IOException e) {
            return none("git not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted while asking git");
        }
    }

    /** Paths of {@code git status --porcelain -z}: {@code XY path\0}, renames followed by {@code origin\0}. */
    static List<String> changedPaths(String porcelain) {
        List<String> paths = new ArrayList<>();
        String[] fields = porcelain.split("\0");
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (f.length() < 4) {
                continue;
            }
            paths.add(f.substring(3));
            if (f.charAt(0) == 'R' || f.charAt(0) == 'C') {
                i++; // the rename's origin follows as its own field
            }
        }
        return paths;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // Reading must not write: no index refresh lock, no prompts, no pager.
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        // stderr is read on its own thread so neither pipe can fill up and block git.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + args[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        errReader.join();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException e) {
            // stderr is only used for messages; losing it loses nothing of the evidence
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
