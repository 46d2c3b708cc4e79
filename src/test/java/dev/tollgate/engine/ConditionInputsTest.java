package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionInputsTest {

    private final CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());

    private ConditionInputs of(String condition) throws Exception {
        return ConditionInputs.of(env.compileNow(condition));
    }

    @Test
    void aConditionOnTheItemAloneDependsOnTheItemAlone() throws Exception {
        assertEquals(new ConditionInputs(true, List.of(), List.of(), false, List.of()), of("!well_known_secret(item)"));
    }

    @Test
    void metaFieldsReadAreListedAndAFileReadOnlyForItsNameStandsForThatName() throws Exception {
        assertEquals(new ConditionInputs(true, List.of(), List.of("file", "key"), true, List.of()),
                of("item == null || !env_template(meta.file) || has(meta.key) && meta.key == 'X'"));
        assertEquals(new ConditionInputs(true, List.of("value"), List.of("key"), false, List.of()),
                of("item.?value.orValue('') == meta.?key.orValue('')"));
    }

    @Test
    void topLevelResourceFieldsAreInputsAndAnAbsentFieldIsAValueOfItsOwn() throws Exception {
        ConditionInputs inputs = of("item != '' || has(resource.type) && resource.type == 'SecureString'");
        assertEquals(new ConditionInputs(true, List.of(), List.of(), false, List.of("type")), inputs);
        assertEquals(java.util.Arrays.asList("v", "SecureString"),
                inputs.values("v", Map.of(), Map.of("type", "SecureString")));
        assertEquals(java.util.Arrays.asList("v", ConditionInputs.Absent.FIELD),
                inputs.values("v", Map.of(), Map.of()));
        // A field below the top level is covered by its top-level field's whole value.
        assertEquals(new ConditionInputs(true, List.of(), List.of(), false, List.of("a")),
                of("has(resource.a.b) && item == 1"));
    }

    @Test
    void aConditionWithoutItemIsRememberedByWhatItDoesRead() throws Exception {
        ConditionInputs inputs = of("!client_secret_name(meta.key)");
        assertEquals(new ConditionInputs(false, List.of(), List.of("key"), false, List.of()), inputs);
        assertEquals(List.of("STRIPE_SECRET"), inputs.values("ignored", Map.of("key", "STRIPE_SECRET"), Map.of()));
        assertEquals(List.of("Deployment"), of("meta.kind != ''").values("x", Map.of("kind", "Deployment"), Map.of()));
    }

    @Test
    void aFileReadAsAPathIsKeptWhole() throws Exception {
        assertEquals(new ConditionInputs(true, List.of(), List.of("file"), false, List.of()),
                of("deploy_file(meta.file) && meta.file.endsWith('.env') && item == 1"));
    }

    @Test
    void conditionsReadingMoreThanItemAndRepeatingMetaFieldsAreNotRemembered() throws Exception {
        assertNull(of("resource.size() > 0 && item == 1"), "resource as a whole");
        assertNull(of("related.exists(r, r.kind == item)"), "related");
        assertNull(of("meta.name == item"), "a field that differs for every resource");
        assertNull(of("cel.bind(m, meta, m.key == item)"), "meta as a whole");
        // The checker records a comprehension variable like the variable it shadows: taken as read, which is safe.
        assertNull(of("[1].exists(resource, resource == 1) && item == 1"), "a local named like a variable");
    }

    @Test
    void everyDeclaredVariableIsOneThisAnalysisKnows() {
        // ConditionInputs decides per variable whether answers can be remembered; a new variable needs a decision.
        assertEquals(List.of("resource", "item", "meta", "related"), List.copyOf(CelEnvironment.VARIABLES.keySet()));
    }

    @Test
    void typeNamesAreConstantsNotInputs() throws Exception {
        assertEquals(new ConditionInputs(true, List.of("name"), List.of("key"), false, List.of()),
                of("type(item) == map ? string(item.?name.orValue('')) != '' : meta.key != ''"));
    }

    @Test
    void theKeyHoldsTheItemThenTheFieldsInOrderWithTheFileReducedToItsName() throws Exception {
        ConditionInputs inputs = of("deploy_file(meta.file) && meta.key != '' && item != ''");
        assertEquals(List.of("v", "prod.env", "K"),
                inputs.values("v", Map.of("file", "svc/a/prod.env", "key", "K", "name", "x"), Map.of()));
        assertEquals(List.of("v", "prod.env", "K"),
                inputs.values("v", Map.of("file", "svc\\b\\prod.env", "key", "K", "name", "y"), Map.of()));
    }

    @Test
    void aMapItemReadOnlyByItsFieldsIsKeyedByThoseFields() throws Exception {
        ConditionInputs inputs =
                of("!has(item.value) || type(item) == map && item.name != '' && item.?value.orValue('') != ''");
        assertEquals(new ConditionInputs(true, List.of("name", "value"), List.of(), false, List.of()), inputs);
        // Fields the condition does not read do not matter; a missing field is a value of its own.
        assertEquals(inputs.values(Map.of("name", "A", "value", "1", "valueFrom", "x"), Map.of(), Map.of()),
                inputs.values(Map.of("name", "A", "value", "1"), Map.of(), Map.of()));
        assertEquals(List.of(new ConditionInputs.ItemFields(List.of("A", ConditionInputs.Absent.FIELD))),
                inputs.values(Map.of("name", "A"), Map.of(), Map.of()));
        // An item that is not a map is kept whole: what a field of it gives depends on what it is.
        assertEquals(List.of("A"), inputs.values("A", Map.of(), Map.of()));
    }

    @Test
    void anItemReadAnyOtherWayIsKeyedWhole() throws Exception {
        assertEquals(List.of(), of("item.name != '' && item.size() > 1").itemFields());
        assertEquals(List.of(), of("item.name != '' && item.exists(k, k == 'x')").itemFields());
        assertEquals(List.of(), of("cel.bind(i, item, i.name != '')").itemFields());
        assertEquals(List.of(), of("type(item) == map").itemFields(), "the type alone: the item itself is the key");
    }
}
