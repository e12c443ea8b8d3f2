package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.rules.internal.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog meta-test: lists every violation before failing. */
class CatalogTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)\\}");

  @Test
  void catalog_againstClassesCasesAndTests_hasNoViolation() {
    List<RuleEntry> entries = RuleBook.builtIn().listRules();
    List<String> violations = new ArrayList<>();
    if (entries.size() < 60) {
      violations.add("catalog has " + entries.size() + " rules; expected at least 60");
    }
    Set<String> seen = new HashSet<>();
    String previous = "";
    for (RuleEntry e : entries) {
      if (!seen.add(e.name())) {
        violations.add(e.name() + ": name not unique");
      }
      if (e.name().compareTo(previous) < 0) {
        violations.add(e.name() + ": not sorted (after " + previous + ")");
      }
      previous = e.name();
      if (e.source().isBlank()) {
        violations.add(e.name() + ": no source");
      }
      if (e.rationale().isBlank()) {
        violations.add(e.name() + ": no rationale");
      }
      if (e.message().isBlank()) {
        violations.add(e.name() + ": no message");
      }
      try {
        Class.forName(
            "io.github.dgxspark.rules.internal." + e.category() + "." + e.name() + "RuleTest");
      } catch (ClassNotFoundException ex) {
        violations.add(e.name() + ": no " + e.name() + "RuleTest in package " + e.category());
      }
      checkCases(e, violations);
    }
    Map<String, Rule> classes = new HashMap<>();
    for (Rule r : BuiltInRules.classRules()) {
      if (classes.put(r.name(), r) != null) {
        violations.add(r.name() + ": two classes in the table");
      }
      String expectedClass = r.name() + "Rule";
      if (!r.getClass().getSimpleName().equals(expectedClass)) {
        violations.add(
            r.name()
                + ": class is "
                + r.getClass().getSimpleName()
                + ", expected "
                + expectedClass);
      }
      RuleEntry e = RuleBook.builtIn().rule(r.name()).orElse(null);
      if (e == null) {
        violations.add(r.name() + ": class without catalog entry");
      } else if (!r.getClass()
          .getPackageName()
          .equals("io.github.dgxspark.rules.internal." + e.category())) {
        violations.add(
            r.name()
                + ": class in "
                + r.getClass().getPackageName()
                + ", category "
                + e.category());
      }
    }
    assertTrue(
        violations.isEmpty(),
        () -> violations.size() + " violations:\n" + String.join("\n", violations));
  }

  /** At least one passing and one failing case; every failing case resolves every placeholder. */
  private static void checkCases(RuleEntry e, List<String> violations) {
    List<RuleCases.Case> cases = RuleCases.load(e);
    if (cases.isEmpty()) {
      violations.add(e.name() + ": no case file " + RuleCases.path(e));
      return;
    }
    if (cases.stream().noneMatch(c -> c.expected() == 0)) {
      violations.add(e.name() + ": no passing case");
    }
    if (cases.stream().noneMatch(c -> c.expected() > 0)) {
      violations.add(e.name() + ": no failing case");
    }
    Set<String> placeholders = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(e.message());
    while (m.find()) {
      placeholders.add(m.group(1));
    }
    for (RuleCases.Case c : cases) {
      for (Finding f : RuleCases.run(e, c)) {
        Matcher left = PLACEHOLDER.matcher(f.message());
        if (left.find()) {
          violations.add(
              e.name()
                  + ": placeholder {"
                  + left.group(1)
                  + "} unresolved in case '"
                  + c.name()
                  + "'");
        }
      }
    }
    if (placeholders.isEmpty() && e.message().contains("{")) {
      violations.add(e.name() + ": malformed placeholder in message");
    }
  }
}
