package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan never talks to the network, even when its input names URLs (an {@code env_file} URL, a Terraform
 * {@code data "http"} block, a remote module, a {@code !!java.net.URL} tag).
 *
 * <p>How: the whole CLI runs in a child JVM under {@code strace -f}, which sees every network system call of every
 * thread, whatever Java API (Socket, NIO channels, HttpClient, URLConnection, DNS through libc) would make it. A
 * SecurityManager no longer exists for this in Java 17+, and a Java-level hook (socket factories, ProxySelector)
 * misses NIO and native resolver calls. Talking to the network takes a {@code connect}, {@code sendto},
 * {@code sendmsg} or {@code bind} on an {@code AF_INET}/{@code AF_INET6} socket (a DNS lookup is a {@code connect}
 * or {@code sendto} to port 53); none may appear. Merely creating a socket is not talking: the JDK's native
 * networking library probes IPv6 and SO_REUSEPORT support with throw-away sockets when file channels are first used,
 * and glibc asks the local nscd over a Unix socket for the user name. A control run of a program that does connect
 * proves the detector sees it. Skipped (assumption) where strace is not installed.
 */
class NoNetworkTest {

    private static final Pattern TALKS = Pattern.compile(
            "\\b(connect|sendto|sendmsg|sendmmsg|bind)\\(.*sa_family=AF_INET6?\\b");

    private static String strace;

    @BeforeAll
    static void findStrace() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "strace"))) {
                strace = Path.of(dir, "strace").toString();
                return;
            }
        }
    }

    @Test
    void scanningMakesNoNetworkCall(@TempDir Path tmp) throws Exception {
        assumeTrue(strace != null, "strace is not installed");
        Path src = tmp.resolve("src");
        Scans.copy(Path.of("fixtures"), src.resolve("fixtures"));
        Files.createDirectories(src.resolve("remote"));
        Files.writeString(src.resolve("remote/docker-compose.yml"), "services:\n  web:\n    image: nginx\n"
                + "    env_file: http://config.example.com/web.env\n  db:\n    image: postgres:9\n"
                + "    env_file: [\"//fileserver.example.com/share/db.env\"]\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("remote/main.tf"), "data \"http\" \"ip\" {\n"
                + "  url = \"https://ifconfig.example.com\"\n}\n"
                + "module \"vpc\" {\n  source = \"git::https://github.com/example/vpc.git?ref=v1\"\n}\n",
                StandardCharsets.UTF_8);
        Files.writeString(src.resolve("remote/tagged.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\n"
                + "data:\n  u: !!java.net.URL [\"http://example.com/\"]\n  s: !include http://example.com/x.yaml\n",
                StandardCharsets.UTF_8);

        Path out = tmp.resolve("out.sarif");
        Run run = traced(tmp, "dev.tollgate.cli.Main", "scan", src.toString(), "--format", "sarif", "--output",
                out.toString(), "--fail-on", "none");
        assertEquals(0, run.exit(), run::describe);
        assertTrue(Files.size(out) > 1000, "the scan ran and wrote its report");
        assertTrue(run.syscalls() > 0, "strace recorded the run's network system calls (probes at least)");
        assertEquals(List.of(), run.talking(), run::describe);
    }

    @Test
    void detectorSeesAProgramThatConnects(@TempDir Path tmp) throws Exception {
        assumeTrue(strace != null, "strace is not installed");
        Run run = traced(tmp, Connects.class.getName());
        assertEquals(0, run.exit(), run::describe);
        assertFalse(run.talking().isEmpty(), run::describe);
    }

    /** The control: opens a TCP connection to a closed local port (refused at once, no traffic leaves the host). */
    public static final class Connects {
        public static void main(String[] args) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 2000);
            } catch (IOException expected) {
                // Refused or timed out: the connect system call was made either way.
            }
        }
    }

    private record Run(int exit, List<String> trace, String output) {
        long syscalls() {
            return trace.stream().filter(l -> !l.contains("---")).count();
        }

        List<String> talking() {
            return trace.stream().filter(l -> TALKS.matcher(l).find()).toList();
        }

        String describe() {
            return "exit " + exit + "\noutput:\n" + output + "\nnetwork calls:\n" + String.join("\n", trace);
        }
    }

    private static Run traced(Path tmp, String mainClass, String... args) throws Exception {
        Path trace = tmp.resolve("trace-" + System.nanoTime() + ".txt");
        Path log = tmp.resolve("log-" + System.nanoTime() + ".txt");
        List<String> cmd = new ArrayList<>(List.of(strace, "-f", "-qq", "-e", "trace=%network", "-o", trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish");
        }
        List<String> lines = Files.exists(trace) ? Files.readAllLines(trace, StandardCharsets.UTF_8) : List.of();
        return new Run(p.exitValue(), lines, Files.readString(log, StandardCharsets.UTF_8));
    }
}
