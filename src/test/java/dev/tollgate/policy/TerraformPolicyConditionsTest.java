package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled Terraform policies judged against resources built by hand in the shape the Terraform parser produces
 * (docs: TERRAFORM-SHAPE), so their conditions are tested on the edges that fixtures reach only through the parser:
 * unknown values, related resources, the "$"-plus-attribute selection that reports a missing attribute at the header
 * and a wrong one at its line. The fixtures test the same policies end to end.
 */
class TerraformPolicyConditionsTest {

    private static Map<String, Policy> policies;

    @BeforeAll
    static void load() throws Exception {
        policies = new HashMap<>();
        for (Policy p : PolicyFixturesTest.policies()) {
            policies.put(p.id(), p);
        }
    }

    private static final Unknown UNKNOWN = new Unknown("data.x.y");

    /** {@code pointer=OUTCOME} for each evaluation of policy {@code id} on the resource, in order. */
    private static String judge(String id, String kind, Map<String, Object> data, Related... related) throws Exception {
        Map<String, SourceLocation> locs = new LinkedHashMap<>();
        locs.put("", new SourceLocation("main.tf", 1, 1));
        int line = 2;
        for (String k : data.keySet()) {
            locs.put(LocationIndex.child("", k), new SourceLocation("main.tf", line++, 3));
        }
        Resource r = new Resource(Format.TERRAFORM, kind, "this", kind + ".this", new SourceLocation("main.tf", 1, 1),
                data, new LocationIndex(locs), List.of(related));
        List<Evaluation> out = PolicyEngine.compile(List.of(policies.get(id))).evaluate(r);
        return out.stream()
                .map(e -> e.pointer() + "=" + e.outcome()
                        + (e.outcome() == dev.tollgate.finding.Outcome.ERROR ? "(" + e.message() + ")" : ""))
                .collect(Collectors.joining(" "));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Related rel(String kind, Map<String, Object> data) {
        return new Related(kind, "x", kind + ".x", "bucket", data, new SourceLocation("main.tf", 90, 1));
    }

    @Test
    void httpsListenerMessage_saysWhatFitsTheLoadBalancer() throws Exception {
        Map<String, Object> action = map("type", "forward");
        Map<String, SourceLocation> locs = new LinkedHashMap<>();
        locs.put("", new SourceLocation("main.tf", 1, 1));
        for (String protocol : List.of("TCP", "HTTP")) {
            Resource r = new Resource(Format.TERRAFORM, "aws_lb_listener", "this", "aws_lb_listener.this",
                    new SourceLocation("main.tf", 1, 1), map("port", 80L, "protocol", protocol,
                            "default_action", List.of(action)), new LocationIndex(locs), List.of());
            List<Evaluation> out = PolicyEngine.compile(List.of(policies.get("TG-TF-HTTPS-001"))).evaluate(r);
            assertEquals(1, out.size());
            String message = out.get(0).message();
            // A Network Load Balancer cannot redirect: its finding must not ask for a redirect action.
            assertEquals(protocol.equals("TCP"), message.contains("cannot redirect"), message);
            assertEquals(protocol.equals("HTTP"), message.contains("not a redirect to HTTPS"), message);
        }
    }

    @Test
    void s3CannedAcl() throws Exception {
        assertEquals("/acl=FAIL", judge("TG-TF-S3-001", "aws_s3_bucket", map("bucket", "b", "acl", "public-read")));
        assertEquals("/acl=FAIL", judge("TG-TF-S3-001", "aws_s3_bucket_acl", map("acl", "Authenticated-Read ")));
        assertEquals("/acl=PASS", judge("TG-TF-S3-001", "aws_s3_bucket_acl", map("acl", "log-delivery-write")));
        assertEquals("/acl=UNKNOWN", judge("TG-TF-S3-001", "aws_s3_bucket_acl", map("acl", UNKNOWN)));
        assertEquals("", judge("TG-TF-S3-001", "aws_s3_bucket", map("bucket", "b")));
    }

    @Test
    void s3Grants() throws Exception {
        Map<String, Object> acp = map("access_control_policy", List.of(map(
                "grant", List.of(
                        map("grantee",
                                List.of(map("type", "Group", "uri", "http://acs.amazonaws.com/groups/global/AllUsers")),
                                "permission", "READ"),
                        map("grantee", List.of(map("type", "CanonicalUser", "id", "abc")),
                                "permission", "FULL_CONTROL"),
                        map("grantee", List.of(map("type", "Group", "uri", UNKNOWN)), "permission", "READ")),
                "owner", List.of(map("id", "abc")))));
        assertEquals("/access_control_policy/0/grant/0=FAIL /access_control_policy/0/grant/1=PASS "
                + "/access_control_policy/0/grant/2=UNKNOWN",
                judge("TG-TF-S3-002", "aws_s3_bucket_acl", acp));
        assertEquals("/grant/0=FAIL", judge("TG-TF-S3-002", "aws_s3_bucket", map("grant", List.of(
                map("type", "Group", "uri", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
                        "permissions", List.of("READ"))))));
    }

    @Test
    void s3PublicAccessBlockLinked() throws Exception {
        assertEquals("=FAIL", judge("TG-TF-S3-003", "aws_s3_bucket", map("bucket", "b")));
        assertEquals("=PASS", judge("TG-TF-S3-003", "aws_s3_bucket", map("bucket", "b"),
                rel("aws_s3_bucket_acl", map()),
                rel("aws_s3_bucket_public_access_block", map("block_public_acls", false))));
    }

    @Test
    void s3PublicAccessBlockFlags() throws Exception {
        assertEquals("=PASS /block_public_acls=PASS /block_public_policy=FAIL /ignore_public_acls=UNKNOWN "
                + "/restrict_public_buckets=PASS",
                judge("TG-TF-S3-004", "aws_s3_bucket_public_access_block", map("bucket", "b", "block_public_acls", true,
                        "block_public_policy", false, "ignore_public_acls", UNKNOWN,
                        "restrict_public_buckets", "true")));
        assertEquals("=FAIL /block_public_acls=PASS",
                judge("TG-TF-S3-004", "aws_s3_bucket_public_access_block",
                        map("bucket", "b", "block_public_acls", true)));
    }

    @Test
    void s3BucketPolicy() throws Exception {
        String open = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        String denyHttp = "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}}";
        assertEquals("/policy=FAIL", judge("TG-TF-S3-005", "aws_s3_bucket_policy", map("policy", open)));
        assertEquals("/policy=PASS", judge("TG-TF-S3-005", "aws_s3_bucket", map("policy", denyHttp)));
        assertEquals("/policy=UNKNOWN", judge("TG-TF-S3-005", "aws_s3_bucket_policy", map("policy", UNKNOWN)));
        assertEquals("/policy=PASS", judge("TG-TF-S3-005", "aws_s3_bucket_policy", map("policy", "${not json}")));
    }

    @Test
    void explicitNulls_areUnset() throws Exception {
        assertEquals("/acl=PASS", judge("TG-TF-S3-001", "aws_s3_bucket", map("acl", null)));
        assertEquals("=PASS /block_public_acls=FAIL /block_public_policy=PASS /ignore_public_acls=PASS "
                + "/restrict_public_buckets=PASS",
                judge("TG-TF-S3-004", "aws_s3_bucket_public_access_block", map("block_public_acls", null,
                        "block_public_policy", true, "ignore_public_acls", true, "restrict_public_buckets", true)));
        assertEquals("/engine_version=PASS", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", "postgres", "engine_version", null)));
        assertEquals("/backup_retention_period=PASS", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", null)));
        assertEquals("=PASS /snapshot_retention_limit=FAIL",
                judge("TG-TF-REDIS-001", "aws_elasticache_replication_group",
                        map("engine", null, "snapshot_retention_limit", null)));
        assertEquals("/default_cache_behavior/0=FAIL", judge("TG-TF-XFO-002", "aws_cloudfront_distribution",
                map("default_cache_behavior", List.of(map("response_headers_policy_id", null)))));
    }

    @Test
    void messagesNameTheAddressAndTheValue() throws Exception {
        String policy = "{\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\"}]}";
        assertEquals("aws_s3_bucket_policy.this has a bucket policy that allows anyone: statement 'PublicRead' "
                + "has Effect Allow for Principal * and no condition that limits the caller",
                message("TG-TF-S3-005", "aws_s3_bucket_policy", map("policy", policy)));
        assertEquals("aws_s3_bucket_public_access_block.this leaves ignore_public_acls, restrict_public_buckets "
                + "unset (false)",
                message("TG-TF-S3-004", "aws_s3_bucket_public_access_block",
                        map("block_public_acls", true, "block_public_policy", true)));
        assertEquals("aws_s3_bucket_public_access_block.this sets block_public_policy = false: a path to a public "
                + "bucket stays open",
                message("TG-TF-S3-004", "aws_s3_bucket_public_access_block", map("block_public_acls", true,
                        "block_public_policy", false, "ignore_public_acls", true, "restrict_public_buckets", true)));
        assertEquals("aws_db_instance.this runs postgres 11.22: PostgreSQL 11 is out of support (12 or newer required)",
                message("TG-TF-PG-001", "aws_db_instance", map("engine", "postgres", "engine_version", "11.22")));
        assertEquals("aws_lb_listener.this listens on HTTP port 80 and its default action is forward, not a redirect "
                + "to HTTPS",
                message("TG-TF-HTTPS-001", "aws_lb_listener",
                        map("port", 80L, "default_action", List.of(map("type", "forward")))));
        assertEquals("aws_s3_bucket_acl.this grants READ to http://acs.amazonaws.com/groups/global/AllUsers: "
                + "anyone on the internet",
                message("TG-TF-S3-002", "aws_s3_bucket_acl", map("access_control_policy", List.of(map("grant", List.of(
                        map("grantee", List.of(map("uri", "http://acs.amazonaws.com/groups/global/AllUsers")),
                                "permission", "READ")))))));
    }

    private static String message(String id, String kind, Map<String, Object> data) throws Exception {
        Resource r = new Resource(Format.TERRAFORM, kind, "this", kind + ".this", new SourceLocation("main.tf", 1, 1),
                data, new LocationIndex(Map.of()), List.of());
        return PolicyEngine.compile(List.of(policies.get(id))).evaluate(r).stream()
                .filter(e -> e.outcome() == dev.tollgate.finding.Outcome.FAIL).findFirst().orElseThrow().message();
    }

    @Test
    void postgresVersion() throws Exception {
        assertEquals("/engine_version=FAIL", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", "postgres", "engine_version", "11.22")));
        assertEquals("/engine_version=FAIL", judge("TG-TF-PG-001", "aws_rds_cluster",
                map("engine", "aurora-postgresql", "engine_version", "9.6.24")));
        assertEquals("/engine_version=PASS", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", "postgres", "engine_version", 16L)));
        assertEquals("/engine_version=PASS", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", "mysql", "engine_version", "5.7")));
        assertEquals("/engine_version=PASS", judge("TG-TF-PG-001", "aws_rds_cluster",
                map("engine_version", "5.7.mysql_aurora.2.11.2")));
        assertEquals("/engine_version=UNKNOWN", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", "postgres", "engine_version", UNKNOWN)));
        assertEquals("/engine_version=UNKNOWN", judge("TG-TF-PG-001", "aws_db_instance",
                map("engine", UNKNOWN, "engine_version", "11")));
        assertEquals("", judge("TG-TF-PG-001", "aws_db_instance", map("engine", "postgres")));
    }

    @Test
    void backups() throws Exception {
        assertEquals("/backup_retention_period=FAIL", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 0L)));
        assertEquals("/backup_retention_period=FAIL", judge("TG-TF-BACKUP-001", "aws_rds_cluster",
                map("backup_retention_period", "0")));
        assertEquals("/backup_retention_period=PASS", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 7L)));
        // One day of retention is still a daily automated backup (Trivy's AWS-0077 wants 2 or more).
        assertEquals("/backup_retention_period=PASS", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 1L)));
        assertEquals("/backup_retention_period=PASS", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 0L, "replicate_source_db", "primary-db")));
        assertEquals("/backup_retention_period=FAIL", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 0L, "replicate_source_db", null)));
        assertEquals("/backup_retention_period=UNKNOWN", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", 0L, "replicate_source_db", UNKNOWN)));
        assertEquals("/backup_retention_period=UNKNOWN", judge("TG-TF-BACKUP-001", "aws_db_instance",
                map("backup_retention_period", UNKNOWN)));
    }

    @Test
    void redisSnapshots() throws Exception {
        String rg = "aws_elasticache_replication_group";
        assertEquals("=FAIL", judge("TG-TF-REDIS-001", rg, map("node_type", "cache.r7g.large")));
        assertEquals("=PASS /snapshot_retention_limit=FAIL", judge("TG-TF-REDIS-001", rg,
                map("snapshot_retention_limit", 0L)));
        assertEquals("=PASS /snapshot_retention_limit=PASS", judge("TG-TF-REDIS-001", rg,
                map("snapshot_retention_limit", 5L)));
        assertEquals("=PASS /snapshot_retention_limit=UNKNOWN", judge("TG-TF-REDIS-001", rg,
                map("snapshot_retention_limit", UNKNOWN)));
        assertEquals("=PASS", judge("TG-TF-REDIS-001", "aws_elasticache_cluster", map("engine", "memcached")));
        assertEquals("=PASS", judge("TG-TF-REDIS-001", "aws_elasticache_cluster", map("replication_group_id", "rg")));
        assertEquals("=FAIL", judge("TG-TF-REDIS-001", "aws_elasticache_cluster", map("engine", "valkey")));
        Related aof = rel("aws_elasticache_parameter_group", map("family", "redis2.8",
                "parameter", List.of(map("name", "appendonly", "value", "yes"))));
        assertEquals("=PASS", judge("TG-TF-REDIS-001", "aws_elasticache_cluster",
                map("engine", "redis", "engine_version", "2.8.21", "node_type", "cache.m3.medium"), aof));
        // AWS ignores appendonly from 2.8.22 on, on t2 nodes, and with automatic failover
        assertEquals("=FAIL", judge("TG-TF-REDIS-001", "aws_elasticache_cluster",
                map("engine", "redis", "engine_version", "7.1", "node_type", "cache.m6g.large"), aof));
        assertEquals("=FAIL", judge("TG-TF-REDIS-001", "aws_elasticache_cluster",
                map("engine", "redis", "engine_version", "2.8.21", "node_type", "cache.t2.small"), aof));
        assertEquals("=FAIL", judge("TG-TF-REDIS-001", rg,
                map("engine_version", "2.8.21", "automatic_failover_enabled", true), aof));
    }

    @Test
    void listeners() throws Exception {
        Map<String, Object> redirect = map("type", "redirect", "redirect",
                List.of(map("port", "443", "protocol", "HTTPS", "status_code", "HTTP_301")));
        Map<String, Object> forward = map("type", "forward", "target_group_arn", UNKNOWN);
        assertEquals("/default_action/0=PASS", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 80L, "protocol", "HTTP", "default_action", List.of(redirect))));
        assertEquals("/default_action/0=FAIL", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 80L, "protocol", "HTTP", "default_action", List.of(forward))));
        assertEquals("/default_action/0=FAIL", judge("TG-TF-HTTPS-001", "aws_alb_listener",
                map("port", "80", "default_action", List.of(forward))));
        assertEquals("/default_action/0=PASS", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 443L, "protocol", "HTTPS", "default_action", List.of(forward))));
        assertEquals("/default_action/0=FAIL", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 8080L, "protocol", "http", "default_action",
                        List.of(map("type", "redirect", "redirect", List.of(map("port", "8443")))))));
        assertEquals("/default_action/0=UNKNOWN", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 80L, "protocol", UNKNOWN, "default_action", List.of(forward))));
        assertEquals("/default_action/0=FAIL", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 80L, "protocol", "TCP", "default_action", List.of(forward))));
        assertEquals("/default_action/0=PASS", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 8883L, "protocol", "TCP", "default_action", List.of(forward))));
        assertEquals("/default_action/0=PASS", judge("TG-TF-HTTPS-001", "aws_lb_listener",
                map("port", 80L, "protocol", "TLS", "default_action", List.of(forward))));
    }

    @Test
    void cloudFront() throws Exception {
        Map<String, Object> d = map(
                "origin", List.of(map("origin_id", "api", "custom_origin_config",
                                List.of(map("origin_protocol_policy", "http-only"))),
                        map("origin_id", "s3")),
                "default_cache_behavior", List.of(map("viewer_protocol_policy", "redirect-to-https",
                        "response_headers_policy_id", "67f7725c-6f97-4210-82d7-5512b31e9d03")),
                "ordered_cache_behavior", List.of(map("viewer_protocol_policy", "allow-all"),
                        map("viewer_protocol_policy", UNKNOWN)));
        assertEquals("/default_cache_behavior/0/viewer_protocol_policy=PASS "
                + "/ordered_cache_behavior/0/viewer_protocol_policy=FAIL "
                + "/ordered_cache_behavior/1/viewer_protocol_policy=UNKNOWN",
                judge("TG-TF-HTTPS-002", "aws_cloudfront_distribution", d));
        assertEquals("/origin/0/custom_origin_config/0/origin_protocol_policy=FAIL",
                judge("TG-TF-HTTPS-003", "aws_cloudfront_distribution", d));
        assertEquals("/default_cache_behavior/0=FAIL", judge("TG-TF-XFO-002", "aws_cloudfront_distribution", d));
        assertEquals("/default_cache_behavior/0=FAIL", judge("TG-TF-XFO-002", "aws_cloudfront_distribution",
                map("default_cache_behavior", List.of(map("viewer_protocol_policy", "https-only")))));
        assertEquals("/default_cache_behavior/0=UNKNOWN", judge("TG-TF-XFO-002", "aws_cloudfront_distribution",
                map("default_cache_behavior", List.of(map("response_headers_policy_id", UNKNOWN)))));
        assertEquals("/default_cache_behavior/0=PASS", judge("TG-TF-XFO-002", "aws_cloudfront_distribution",
                map("default_cache_behavior",
                        List.of(map("response_headers_policy_id", "0f1e2d3c-aaaa-bbbb-cccc-123456789abc")))));
    }

    @Test
    void responseHeadersPolicy() throws Exception {
        String k = "aws_cloudfront_response_headers_policy";
        assertEquals("=PASS /security_headers_config/0/frame_options/0/frame_option=PASS",
                judge("TG-TF-XFO-001", k, map("security_headers_config",
                        List.of(map("frame_options", List.of(map("frame_option", "DENY", "override", true)))))));
        assertEquals("=PASS /security_headers_config/0/frame_options/0/frame_option=FAIL",
                judge("TG-TF-XFO-001", k, map("security_headers_config",
                        List.of(map("frame_options", List.of(map("frame_option", "SAMEORIGIN", "override", true)))))));
        assertEquals("=PASS /security_headers_config/0/frame_options/0/frame_option=UNKNOWN",
                judge("TG-TF-XFO-001", k, map("security_headers_config",
                        List.of(map("frame_options", List.of(map("frame_option", UNKNOWN, "override", true)))))));
        assertEquals("=FAIL", judge("TG-TF-XFO-001", k, map("security_headers_config",
                List.of(map("content_type_options", List.of(map("override", true)))))));
        assertEquals("=FAIL", judge("TG-TF-XFO-001", k, map("name", "cors-only", "cors_config", new ArrayList<>())));
    }
}
