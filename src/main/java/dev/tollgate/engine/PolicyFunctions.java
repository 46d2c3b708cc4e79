package dev.tollgate.engine;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.tollgate.parse.ShellWords;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions policies may call besides standard CEL, declared and bound in this one place.
 *
 * <table>
 * <caption>Functions</caption>
 * <tr><td>{@code image(string) -> map}</td><td>registry, repository, name, tag, digest of an image reference</td></tr>
 * <tr><td>{@code version_major(string) -> int}</td><td>leading major number of a version or tag; -1 when none</td></tr>
 * <tr><td>{@code version_compare(string, string) -> int}</td><td>-1/0/1 comparing versions numerically</td></tr>
 * <tr><td>{@code url(string) -> map}</td><td>scheme, host, port, path, user, has_password; {} when not a URL</td></tr>
 * <tr><td>{@code is_internal_host(string) -> bool}</td><td>localhost, private IPs, service names, cluster DNS</td></tr>
 * <tr><td>{@code shell_words(dyn) -> list(string)}</td><td>a command string or list as words; unwraps sh -c</td></tr>
 * <tr><td>{@code redis_config(list) -> map}</td><td>what a redis-server command line sets ({@code save},
 * {@code appendonly}, ...)</td></tr>
 * <tr><td>{@code truthy(dyn) -> bool}</td><td>true/1/yes/on (any case), as Django and most env parsers read
 * flags</td></tr>
 * <tr><td>{@code size_bytes(string, string) -> int}</td><td>bytes of a memory size in the {@code kubernetes},
 * {@code docker} or {@code redis} convention; -1 when unreadable</td></tr>
 * <tr><td>{@code placeholder(dyn) -> bool}</td><td>null, empty, ${VAR}, &lt;...&gt;, changeme, your-..., xxxx: a value
 * to be filled in</td></tr>
 * <tr><td>{@code secret_name(string) -> bool}</td><td>the variable name says it holds a secret (password, secret,
 * token, *_KEY; not *_ID, *_FILE, PUBLIC...)</td></tr>
 * <tr><td>{@code secret_value(string) -> bool}</td><td>the value looks like a real secret: no placeholder, 8+
 * characters, not a URL, path or dev/test value</td></tr>
 * <tr><td>{@code well_known_secret(string) -> bool}</td><td>contains an AWS access key id, a Stripe live key or a PEM
 * private key</td></tr>
 * <tr><td>{@code client_secret_name(string) -> bool}</td><td>a NEXT_PUBLIC_/REACT_APP_/VITE_/EXPO_PUBLIC_ name that
 * says secret (publishable/anon/site keys excepted)</td></tr>
 * <tr><td>{@code weak_password(string) -> bool}</td><td>under 16 characters, under 5 distinct characters, or a default
 * word</td></tr>
 * <tr><td>{@code distinct_chars(string) -> int}</td><td>number of distinct characters</td></tr>
 * <tr><td>{@code url_password(string) -> string}</td><td>the password of a URL's user info; "" when none (never print
 * it)</td></tr>
 * <tr><td>{@code email_domain(string) -> string}</td><td>the domain of an address ({@code Acme <a@acme.com>} gives
 * acme.com)</td></tr>
 * <tr><td>{@code env_template(string) -> bool}</td><td>the file name is a template's (.example, .sample, .template,
 * .dist, ...)</td></tr>
 * <tr><td>{@code file_stage(string) -> string}</td><td>production, staging, test, development or "" from the file
 * name</td></tr>
 * <tr><td>{@code deploy_file(string) -> bool}</td><td>the file configures a deployment as is: not dev/test-named, not a
 * template unless production/staging-named</td></tr>
 * <tr><td>{@code option_value(list, list) -> string}</td><td>the value of a command-line option ({@code --timeout 60},
 * {@code --timeout=60}, {@code -t 60}); "" when absent</td></tr>
 * <tr><td>{@code json_decode(string) -> dyn}</td><td>JSON text (Terraform jsonencode, heredoc) as CEL values; {} when
 * invalid</td></tr>
 * <tr><td>{@code iam_public_statements(dyn) -> list}</td><td>statements of an IAM policy (map or JSON text) that allow
 * anyone</td></tr>
 * <tr><td>{@code is_map(dyn) -> bool}</td><td>true for a map (a resource, a block); cel-java's {@code type()} fails on
 * a map holding an unknown</td></tr>
 * <tr><td>{@code cache_node_memory_gib(string) -> double}</td><td>GiB of memory of an ElastiCache node type
 * ({@code cache.m6g.large} 6.38); -1 when unknown</td></tr>
 * <tr><td>{@code first_key(dyn) -> string}</td><td>a map's first key in file order ("" for an empty map or not a map):
 * where a whole-file finding goes, in constant time</td></tr>
 * <tr><td>{@code known_string_at(dyn, string) -> string}</td><td>the string at a JSON pointer ({@code meta.pointer}) in
 * a resource; "" when absent, unknown or not a string</td></tr>
 * <tr><td>{@code scalar_text(dyn) -> string}</td><td>a string, number or bool as {@code string()} writes it; "" for
 * null, a list or a map, which {@code string()} rejects with an error</td></tr>
 * <tr><td>{@code is_number(dyn) -> bool}</td><td>an int, a double or a decimal number as text ({@code "7"},
 * {@code "1e3"}); false for {@code "7 days"}, a list, null</td></tr>
 * <tr><td>{@code number(dyn) -> double}</td><td>the number {@code is_number} reads (1e400 is infinite, never an
 * error); NaN when none</td></tr>
 * </table>
 */
final class PolicyFunctions {

    private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final Set<String> TRUTHY = Set.of("true", "1", "yes", "on", "y", "t");

    private PolicyFunctions() {
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(
                global("image", "image_string", STRING_MAP, SimpleType.STRING),
                global("version_major", "version_major_string", SimpleType.INT, SimpleType.STRING),
                global("version_compare", "version_compare_string_string", SimpleType.INT, SimpleType.STRING,
                        SimpleType.STRING),
                global("url", "url_string", STRING_MAP, SimpleType.STRING),
                global("is_internal_host", "is_internal_host_string", SimpleType.BOOL, SimpleType.STRING),
                global("shell_words", "shell_words_dyn", ListType.create(SimpleType.STRING), SimpleType.DYN),
                global("redis_config", "redis_config_list", STRING_MAP, ListType.create(SimpleType.DYN)),
                global("truthy", "truthy_dyn", SimpleType.BOOL, SimpleType.DYN),
                global("size_bytes", "size_bytes_string_string", SimpleType.INT, SimpleType.STRING, SimpleType.STRING),
                global("placeholder", "placeholder_dyn", SimpleType.BOOL, SimpleType.DYN),
                global("secret_name", "secret_name_string", SimpleType.BOOL, SimpleType.STRING),
                global("secret_value", "secret_value_string", SimpleType.BOOL, SimpleType.STRING),
                global("well_known_secret", "well_known_secret_string", SimpleType.BOOL, SimpleType.STRING),
                global("client_secret_name", "client_secret_name_string", SimpleType.BOOL, SimpleType.STRING),
                global("weak_password", "weak_password_string", SimpleType.BOOL, SimpleType.STRING),
                global("distinct_chars", "distinct_chars_string", SimpleType.INT, SimpleType.STRING),
                global("url_password", "url_password_string", SimpleType.STRING, SimpleType.STRING),
                global("email_domain", "email_domain_string", SimpleType.STRING, SimpleType.STRING),
                global("env_template", "env_template_string", SimpleType.BOOL, SimpleType.STRING),
                global("file_stage", "file_stage_string", SimpleType.STRING, SimpleType.STRING),
                global("deploy_file", "deploy_file_string", SimpleType.BOOL, SimpleType.STRING),
                global("option_value", "option_value_list_list", SimpleType.STRING,
                        ListType.create(SimpleType.DYN), ListType.create(SimpleType.DYN)),
                // Terraform policy helpers (JSON documents in string attributes, IAM policies)
                global("json_decode", "json_decode_string", SimpleType.DYN, SimpleType.STRING),
                global("iam_public_statements", "iam_public_statements_dyn", ListType.create(SimpleType.DYN),
                        SimpleType.DYN),
                global("is_map", "is_map_dyn", SimpleType.BOOL, SimpleType.DYN),
                // Terraform checklist helpers (managed service sizes)
                global("cache_node_memory_gib", "cache_node_memory_gib_string", SimpleType.DOUBLE, SimpleType.STRING),
                global("known_string_at", "known_string_at_dyn_string", SimpleType.STRING, SimpleType.DYN,
                        SimpleType.STRING),
                global("first_key", "first_key_dyn", SimpleType.STRING, SimpleType.DYN),
                // Values of an unexpected type or text (a list where a string was meant, "7 days" for a number)
                global("scalar_text", "scalar_text_dyn", SimpleType.STRING, SimpleType.DYN),
                global("is_number", "is_number_dyn", SimpleType.BOOL, SimpleType.DYN),
                global("number", "number_dyn", SimpleType.DOUBLE, SimpleType.DYN));
    }

    /** @param fileNames what file names say, remembered per path for this environment's scans */
    static List<CelFunctionBinding> bindings(FileNameFacts fileNames) {
        return List.of(
                CelFunctionBinding.from("image_string", String.class, s -> ImageReference.parse(s).toMap()),
                CelFunctionBinding.from("version_major_string", String.class, Versions::major),
                CelFunctionBinding.from("version_compare_string_string", String.class, String.class, Versions::compare),
                CelFunctionBinding.from("url_string", String.class, Hosts::url),
                CelFunctionBinding.from("is_internal_host_string", String.class, Hosts::isInternal),
                CelFunctionBinding.from("shell_words_dyn", Object.class, ShellWords::words),
                CelFunctionBinding.from("redis_config_list", List.class,
                        list -> RedisArgs.config(ShellWords.words(list))),
                CelFunctionBinding.from("truthy_dyn", Object.class, PolicyFunctions::truthy),
                CelFunctionBinding.from("size_bytes_string_string", String.class, String.class, Sizes::bytes),
                CelFunctionBinding.from("placeholder_dyn", Object.class, Secrets::isPlaceholder),
                CelFunctionBinding.from("secret_name_string", String.class, Secrets::isSecretName),
                CelFunctionBinding.from("secret_value_string", String.class, Secrets::isSecretValue),
                CelFunctionBinding.from("well_known_secret_string", String.class, Secrets::isWellKnownSecret),
                CelFunctionBinding.from("client_secret_name_string", String.class, Secrets::isClientSecretName),
                CelFunctionBinding.from("weak_password_string", String.class, Secrets::isWeakPassword),
                CelFunctionBinding.from("distinct_chars_string", String.class, Secrets::distinctChars),
                CelFunctionBinding.from("url_password_string", String.class, Hosts::urlPassword),
                CelFunctionBinding.from("email_domain_string", String.class, Hosts::emailDomain),
                CelFunctionBinding.from("env_template_string", String.class, fileNames::isTemplate),
                CelFunctionBinding.from("file_stage_string", String.class, fileNames::stage),
                CelFunctionBinding.from("deploy_file_string", String.class, fileNames::isDeployFile),
                CelFunctionBinding.from("option_value_list_list", List.class, List.class, CommandOptions::value),
                // Terraform policy helpers (JSON documents in string attributes, IAM policies)
                CelFunctionBinding.from("json_decode_string", String.class, JsonText::decode),
                CelFunctionBinding.from("iam_public_statements_dyn", Object.class, IamPolicies::publicStatements),
                CelFunctionBinding.from("is_map_dyn", Object.class, v -> v instanceof java.util.Map<?, ?>),
                // Terraform checklist helpers (managed service sizes)
                CelFunctionBinding.from("cache_node_memory_gib_string", String.class, CacheNodeTypes::memoryGib),
                CelFunctionBinding.from("known_string_at_dyn_string", Object.class, String.class, KnownStrings::at),
                CelFunctionBinding.from("first_key_dyn", Object.class, PolicyFunctions::firstKey),
                // Values of an unexpected type or text (a list where a string was meant, "7 days" for a number)
                CelFunctionBinding.from("scalar_text_dyn", Object.class, PolicyFunctions::scalarText),
                CelFunctionBinding.from("is_number_dyn", Object.class, Numbers::isNumber),
                CelFunctionBinding.from("number_dyn", Object.class, Numbers::of));
    }

    /**
     * The first key of a map, in file order (the parsers and {@link CelValues} keep it); "" for an empty map or
     * anything else. A policy that reports "the file lacks X" once, at the file's first key, read it as
     * {@code resource.map(k, k)[0]}: a list of every key built for every key judged, quadratic in the file (a
     * 20,000-variable {@code .env.production} did not finish in 5 minutes).
     */
    static String firstKey(Object value) {
        return value instanceof Map<?, ?> m && !m.isEmpty() ? String.valueOf(m.keySet().iterator().next()) : "";
    }

    /**
     * A scalar as {@code string()} writes it (cel-java writes a double as Java does: 1e20 is "1.0E20"); "" for null,
     * a list or a map. A policy reading a setting that should be a string calls this where {@code string()} would end
     * the condition in an error on {@code engine_version = ["13"]} or a block written for an attribute.
     */
    static String scalarText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value instanceof Long || value instanceof Double || value instanceof Boolean ? value.toString() : "";
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long n) {
            return n != 0;
        }
        return value instanceof String s && TRUTHY.contains(s.strip().toLowerCase(Locale.ROOT));
    }

    private static CelFunctionDecl global(String name, String overloadId, CelType result, CelType... params) {
        return CelFunctionDecl.newFunctionDeclaration(name,
                CelOverloadDecl.newGlobalOverload(overloadId, result, params));
    }
}
