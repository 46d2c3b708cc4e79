package dev.tollgate.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Redactor;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.report.Reporters;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans every fixture with every bundled policy and writes the report in every format; no secret value written in
 * the fixtures may appear in any of them. The secrets are read from the fixtures through the real parsers: values of
 * secret-named keys (as the redactor names them, including Kubernetes env entries), passwords inside URLs, and
 * well-known key formats.
 */
class SecretsNeverReportedTest {

    private static final Pattern URL_PASSWORD = Pattern.compile("://[^/:@\\s]*:([^@/\\s]+)@");
    private static final Pattern WELL_KNOWN = Pattern.compile(
            "(AKIA|ASIA)[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}|ghp_[0-9A-Za-z]{20,}"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----\\s*([A-Za-z0-9+/=]{16,})");
    private static final int SHORTEST = 8;

    @Test
    void noFixtureSecretAppearsInAnyReportFormat() throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        Set<String> secrets = fixtureSecrets(vocabulary(catalog));
        // The test must be able to fail: it has to have found the secrets the secret policies are written around.
        for (String known : List.of("Gh7kP2q9LmZwT4", "AKIAZ7Q4WJ3NRT5LMB2X", "Qm7vX2pL9sR4tK8w", "Xk29-vLq8-Tz41",
                "sk_live_51Hc9sPq3Xy7Zr2Lm4Nb8Vt6Wd", "Adm1n!Winter2024", "Zr8-Lq2-Wm7-Vx4",
                // the last two: Kustomize secretGenerator literals
                "SG.q7Vb2Xk9Lm4Rt8Wp.Zx3Nc6Hd1Jf5", "postgres123")) {
            assertTrue(secrets.contains(known),
                    "secret not collected from the fixtures: " + known.substring(0, 4) + "...");
        }
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(Path.of("fixtures")));
        assertTrue(report.findings().size() > 100, "the fixtures should give many findings");
        for (String format : Reporters.FORMATS) {
            StringWriter out = new StringWriter();
            Reporters.forFormat(format, false).write(report, out);
            String text = out.toString();
            Set<String> leaked = new TreeSet<>();
            for (String s : secrets) {
                if (text.contains(s)) {
                    leaked.add(s.substring(0, 3) + "... (" + s.length() + " chars)");
                }
            }
            assertEquals(Set.of(), leaked, "secret values in the " + format + " report");
        }
    }

    /**
     * Problems quote the configuration (an expression that cannot be evaluated, an unknown name): the secrets in what
     * they quote are masked in every format, and the rest of the quote stays, so the problem can still be found.
     */
    @Test
    void problemsQuotingTheConfigurationMaskTheSecretsInIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "db_password" {
                  default = "Vq8-default-${local.missing}"
                }
                locals {
                  api_key = "Kx72LmQp9-${local.nope}"
                  env     = { DB_PASSWORD = "Hn5tWq2Lz-${local.none}" }
                  region  = "eu-west-${local.gone}"
                }
                resource "aws_db_instance" "db" {
                  engine   = "postgres"
                  password = "Sup3rS3cretPassw0rd-${var.suffix}"
                  zone     = local.region
                  name     = var.db_password
                  tags     = local.env
                  api      = local.api_key
                }
                resource "aws_instance" "web" {
                  user_data = templatefile("init.tpl", {})
                  key       = "${AKIAQ3EGRPLJ7XMV2NTZ}"
                }
                module "vpc" {
                  source = "git::https://deploy:Gt7TokenVal9@github.com/acme/vpc.git?ref=v1"
                }
                variable "conn" {
                  sensitive = true
                  default   = "host=db Zp4sensitive-${local.x}"
                }
                output "connection" {
                  sensitive = true
                  value     = "Ou7Secret-${local.y}"
                }
                locals {
                  connection = var.conn
                }
                """);
        Files.writeString(dir.resolve("init.tpl"), "export KEY=${AKIAQ3EGRPLJ7XMV2NTY}\n");
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(dir));

        assertEquals(List.of(
                "main.tf:2:28: cannot evaluate \"****${local.missing}\": no local value \"missing\" is declared",
                "main.tf:5:26: cannot evaluate \"****${local.nope}\": no local value \"nope\" is declared",
                "main.tf:6:42: cannot evaluate { DB_PASSWORD = \"****${local.none}\" }: no local value \"none\""
                        + " is declared",
                "main.tf:7:24: cannot evaluate \"eu-west-${local.gone}\": no local value \"gone\" is declared",
                "main.tf:11:37: cannot evaluate \"****${var.suffix}\": no variable \"suffix\" is declared",
                "main.tf:18:15: cannot evaluate templatefile(\"init.tpl\", {}): init.tpl:1: vars has no \"****\", and a"
                        + " template sees nothing else",
                "main.tf:19:18: cannot evaluate \"${****}\": unknown name \"****\" (no resource of this type is"
                        + " declared)",
                "main.tf:21:1: module source git::https://deploy:****@github.com/acme/vpc.git?ref=v1 not resolved (run"
                        + " terraform init to scan it)",
                // declared sensitive: masked whatever the name
                "main.tf:26:39: cannot evaluate \"****${local.x}\": no local value \"x\" is declared",
                "main.tf:30:28: cannot evaluate \"****${local.y}\": no local value \"y\" is declared"),
                report.problems().stream().map(Object::toString).toList());
        for (String format : Reporters.FORMATS) {
            StringWriter out = new StringWriter();
            Reporters.forFormat(format, false).write(report, out);
            for (String secret : List.of("Vq8-default-", "Kx72LmQp9-", "Hn5tWq2Lz-", "Sup3rS3cretPassw0rd-",
                    "AKIAQ3EGRPLJ7XMV2NTY", "AKIAQ3EGRPLJ7XMV2NTZ", "Gt7TokenVal9", "Zp4sensitive", "Ou7Secret")) {
                assertTrue(!out.toString().contains(secret), secret + " in the " + format + " report");
            }
            assertTrue(out.toString().contains("eu-west-"), "the quote keeps what is not a secret: " + format);
        }
    }

    /** Words the policies themselves use (titles, descriptions, messages): not secrets when a fixture uses them. */
    private static String vocabulary(PolicyCatalog catalog) {
        StringBuilder all = new StringBuilder();
        for (Policy p : catalog.policies()) {
            all.append(p.title()).append('\n').append(p.description()).append('\n').append(p.remediation()).append('\n')
                    .append(p.message()).append('\n').append(p.messageExpression()).append('\n');
        }
        return all.toString();
    }

    private static Set<String> fixtureSecrets(String vocabulary) {
        Set<String> out = new TreeSet<>();
        Parsers parsers = new Parsers();
        for (SourceFile file : new FileDiscovery().discover(List.of(Path.of("fixtures"))).files()) {
            for (Resource r : parsers.parse(file).resources()) {
                collect(null, r.data(), out);
            }
        }
        out.removeIf(s -> s.length() < SHORTEST || s.contains("${") || s.contains("$(") || s.startsWith("<")
                || vocabulary.contains(s));
        return out;
    }

    private static void collect(String key, Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("name") instanceof String name && Redactor.isSecretKey(name)
                    && map.get("value") instanceof String v) {
                into.add(v.strip());
            }
            if ("secretGenerator".equals(key) && map.get("literals") instanceof List<?> literals) {
                for (Object literal : literals) {
                    if (literal instanceof String s && s.indexOf('=') >= 0) {
                        into.add(s.substring(s.indexOf('=') + 1).strip());
                    }
                }
            }
            map.forEach((k, v) -> collect(String.valueOf(k), v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(key, v, into));
        } else if (value instanceof String s) {
            if (Redactor.isSecretKey(key)) {
                into.add(s.strip());
            }
            Matcher m = URL_PASSWORD.matcher(s);
            while (m.find()) {
                into.add(m.group(1));
            }
            Matcher w = WELL_KNOWN.matcher(s);
            while (w.find()) {
                into.add(w.group(2) != null ? w.group(2) : w.group());
            }
        }
    }
}
