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
}
