package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the data-file cases of one rule (PMD's shape): a subclass named {@code <Name>RuleTest} in
 * the rule's category package has no body; the rule name comes from the class name.
 */
public abstract class RuleCaseTest {
  private RuleEntry entry() {
    String simple = getClass().getSimpleName();
    String name = simple.substring(0, simple.length() - "RuleTest".length());
    return RuleBook.builtIn()
        .rule(name)
        .orElseThrow(() -> new AssertionError("no catalog entry for " + simple));
  }

  @TestFactory
  protected Stream<DynamicTest> cases() {
    RuleEntry e = entry();
    List<RuleCases.Case> cases = RuleCases.load(e);
    assertFalse(cases.isEmpty(), "no cases in " + RuleCases.path(e));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      List<Finding> found = RuleCases.run(e, c);
                      assertEquals(c.expected(), found.size(), () -> c.name() + ": " + found);
                      for (Finding f : found) {
                        assertFalse(
                            f.message().matches("(?s).*\\{[A-Za-z0-9]+\\}.*"),
                            "unresolved placeholder: " + f.message());
                        assertEquals(e.severity(), f.severity());
                        assertTrue(f.source().isPresent(), "finding without source");
                        c.suggested()
                            .ifPresent(
                                v ->
                                    assertEquals(
                                        v, f.suggestedValue().orElse(""), c.name() + ": suggest"));
                      }
                    }));
  }
}
