package dev.tollgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static Resource env(String file, Map<String, Object> vars) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return new Resource(Format.DOTENV, "env", name, "env:" + file, SourceLocation.startOf(file),
                vars, new LocationIndex(Map.of()));
    }

    @Test
    void aPlaceholderPasswordThatIsAlsoPartOfTheFileNameLeavesThePathReadable() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("MONGO_PASSWORD", "example");
        vars.put("JWT_SECRET", "q8Vn2LkT0wZr5Yh");
        Redactor r = Redactor.forResource(env("deploy/api/.env.example", vars));

        assertEquals("JWT_SECRET in template deploy/api/.env.example holds ****",
                r.redact("JWT_SECRET in template deploy/api/.env.example holds q8Vn2LkT0wZr5Yh"));
        // Outside the path the same word is still masked: the redactor does not know it is harmless.
        assertEquals("MONGO_PASSWORD is **** in .env.example", r.redact("MONGO_PASSWORD is example in .env.example"));
    }

    @Test
    void aServiceNamedLikeItsPasswordKeepsItsName() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", Map.of("POSTGRES_PASSWORD", "postgres"));
        Resource service = new Resource(Format.COMPOSE, "service", "postgres", "services.postgres",
                new SourceLocation("docker-compose.yml", 3, 3), data, new LocationIndex(Map.of()));

        assertEquals("POSTGRES_PASSWORD in service postgres is weak",
                Redactor.forResource(service).redact("POSTGRES_PASSWORD in service postgres is weak"));
    }

    @Test
    void theNameOrPathOfASecretIsNotMaskedInMessages() {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("hosts", java.util.List.of("shop.example.com"));
        tls.put("secretName", "shop.example.com");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", Map.of("tls", java.util.List.of(tls)));
        Resource ingress = new Resource(Format.KUBERNETES, "Ingress", "shop", "Ingress/shop",
                new SourceLocation("ingress.yaml", 1, 1), data, new LocationIndex(Map.of()));
        assertEquals("Ingress shop terminates TLS for shop.example.com",
                Redactor.forResource(ingress).redact("Ingress shop terminates TLS for shop.example.com"));

        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("POSTGRES_PASSWORD_FILE", "/run/secrets/db");
        vars.put("POSTGRES_PASSWORD", "s3cr3t-Value-42");
        Redactor r = Redactor.forResource(env("deploy/.env", vars));
        assertEquals("read from /run/secrets/db, not ****", r.redact("read from /run/secrets/db, not s3cr3t-Value-42"));
    }

    @Test
    void aSecretThatIsOneOfTheWordsOfTheMessagesLeavesThemReadable() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("DB_PASSWORD", "secret");
        vars.put("APP_KEY", "Zk3q9TrW2bLx7NvP4sYc8HdM1aQe6GuJ");
        Redactor r = Redactor.forResource(env("panel/.env.example", vars));
        assertEquals("APP_KEY in template panel/.env.example holds what looks like a real secret",
                r.redact("APP_KEY in template panel/.env.example holds what looks like a real secret"));
        assertEquals("APP_KEY is ****", r.redact("APP_KEY is Zk3q9TrW2bLx7NvP4sYc8HdM1aQe6GuJ"));
    }
}
