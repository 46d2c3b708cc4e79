package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.finding.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final PolicyEngine.Verdict PASS = new PolicyEngine.Verdict(Outcome.PASS, null);
    private static final ConditionInputs ITEM_ONLY = new ConditionInputs(true, List.of(), List.of(), false, List.of());

    /** One element judged as the engine does: look up, and remember on a miss. */
    private static void judge(Answers answers, Object item) {
        List<Object> key = answers.key(item, Map.of(), Map.of());
        if (answers.get(key) == null) {
            answers.put(key, PASS);
        }
    }

    @Test
    void inputsThatRepeatKeepBeingRemembered() {
        Answers answers = new Answers(ITEM_ONLY, new Answers.Budget());
        for (int i = 0; i < 3 * Answers.TRIAL; i++) {
            judge(answers, "value-" + (i % 50));
        }
        assertTrue(answers.active());
        assertEquals(PASS, answers.get(answers.key("value-7", Map.of(), Map.of())));
    }

    @Test
    void inputsThatNeverRepeatStopBeingRememberedAndGiveTheirShareBack() {
        // A budget the first policy uses up before its trial ends.
        Answers.Budget budget = new Answers.Budget(Answers.TRIAL);
        Answers unique = new Answers(ITEM_ONLY, budget);
        for (int i = 0; i <= Answers.TRIAL; i++) {
            judge(unique, "value-" + i);
        }
        assertFalse(unique.active());
        assertNull(unique.get(unique.key("value-1", Map.of(), Map.of())), "what it held is dropped");
        // The whole budget is there again for the policies judged after it.
        Answers later = new Answers(ITEM_ONLY, budget);
        int remembered = 0;
        for (int i = 0; i < Answers.TRIAL; i++) {
            List<Object> key = later.key("later-" + i, Map.of(), Map.of());
            later.put(key, PASS);
            remembered += later.get(key) != null ? 1 : 0;
        }
        assertEquals(Answers.TRIAL, remembered);
    }

    @Test
    void tooLargeInputsHaveNoKey() {
        Answers answers = new Answers(ITEM_ONLY, new Answers.Budget());
        assertNull(answers.key(java.util.Collections.nCopies(Answers.MAX_NODES + 1, "x"), Map.of(), Map.of()));
        assertEquals(List.of(List.of("x")), answers.key(List.of("x"), Map.of(), Map.of()));
    }

    @Test
    void aMapItemKeyedByItsFieldsKeepsTheOrderOfTheirMapsAndTheirSizeLimit() {
        Answers answers = new Answers(new ConditionInputs(true, List.of("env"), List.of(), false, List.of()),
                new Answers.Budget());
        Map<String, Object> ab = new java.util.LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, Object> ba = new java.util.LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertFalse(answers.key(Map.of("env", ab), Map.of(), Map.of())
                .equals(answers.key(Map.of("env", ba), Map.of(), Map.of())), "a condition may iterate over a field");
        assertNull(answers.key(Map.of("env", java.util.Collections.nCopies(Answers.MAX_NODES, "x")), Map.of(),
                Map.of()));
    }
}
