package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed rule documentation is the catalog's, and every rule has its section. */
class RulesDocTest {
  private static final RuleBook BOOK = RuleBook.builtIn();

  @Test
  void committedRulesMd_isWhatTheCatalogGenerates() throws IOException {
    String committed = Files.readString(Path.of("RULES.md"), StandardCharsets.UTF_8);
    assertEquals(
        BOOK.catalogMarkdown(),
        committed,
        "dgx-spark-rules/RULES.md is out of date with data/rules/catalog.json; regenerate it with"
            + " java -jar dgx-spark-mcp-adapter/target/dgx-spark-mcp.jar rules --format markdown"
            + " > dgx-spark-rules/RULES.md");
  }

  @Test
  void everyRule_hasItsSectionWithSourceAndParameters() {
    String md = BOOK.catalogMarkdown();
    for (RuleEntry e : BOOK.listRules()) {
      int at = md.indexOf("\n### " + e.name() + "\n");
      assertTrue(at >= 0, e.name());
      int end = md.indexOf("\n### ", at + 1);
      String section = md.substring(at, end < 0 ? md.length() : end);
      assertTrue(section.contains("- Source: " + e.source()), e.name());
      assertTrue(section.contains("- Why: " + e.rationale()), e.name());
      e.parameters().keySet().forEach(k -> assertTrue(section.contains("`" + k + "`"), k));
    }
    long security = BOOK.listRules().stream().filter(e -> e.category().equals("security")).count();
    assertTrue(
        md.contains("| [security](#security) | " + security + " |"),
        "category table counts the rules");
  }
}
