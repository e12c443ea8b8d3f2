package io.github.dgxspark.models.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import io.github.dgxspark.models.workload.Classification;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The wording meta-test: every sentence the recommender and the workload classifier write for every
 * real event log of {@link RealLogs#all()}, scanned for what a reader stumbles on at once: a number
 * glued to a word ({@code above32 gb}), a saving of nothing stated as a saving ({@code saves 0 ms},
 * {@code saving 0.0 s}), and an {@code and} that joins nothing. The bottleneck findings are the
 * detectors' own meta-test's. It lists every violation before failing.
 */
class WordingCorpusTest {
  private static final Map<String, Pattern> FLAWS =
      Map.of(
          "number glued to a word",
          Pattern.compile("\\b(above|below|over|under|than|about|at|to|of|by)\\d"),
          "a saving of nothing",
          Pattern.compile("\\bsav(es|ing|ed)( about| up to)? 0(\\.0+)? ?(ms|s|%)(?![\\w.])"),
          "a dangling 'and'",
          Pattern.compile("(\\band\\s*$|\\band\\s*[,.;:)]|'and'|\\band and\\b|^and\\b)"));

  @Test
  void everyRealLog_sentencesReadCleanly() {
    List<String> violations = new ArrayList<>();
    int texts = 0;
    for (Path log : RealLogs.all()) {
      String name = RealLogs.DIR.relativize(log).toString();
      ApplicationProfile p;
      try {
        p = EventLogs.read(log);
      } catch (ModelsException e) {
        continue; // a declined log: AdviceCorpusTest checks its one-line reason
      }
      List<String> sentences = new ArrayList<>();
      Classification c = WorkloadAnalyzer.classify(p);
      sentences.addAll(c.evidence());
      sentences.add(c.reason());
      try {
        RecommendationReport r = Recommender.generateRecommendations(p);
        for (Recommendation rec : r.recommendations()) {
          sentences.add(rec.title());
          sentences.add(rec.reason());
          sentences.add(rec.guidance());
          sentences.add(rec.impact().basis());
          sentences.add(rec.abTest().stopRule());
        }
        sentences.addAll(r.diagnoses());
        sentences.addAll(r.assumptions());
        sentences.addAll(r.conflicts());
        sentences.addAll(r.unresolved());
        sentences.addAll(r.filtered());
      } catch (ModelsException e) {
        sentences.add(e.getMessage());
      }
      for (String s : sentences) {
        texts++;
        FLAWS.forEach(
            (flaw, pattern) -> {
              if (pattern.matcher(s).find()) {
                violations.add(name + ": " + flaw + ": " + s);
              }
            });
      }
    }
    assertTrue(texts > 100, "only " + texts + " sentences scanned");
    assertEquals(List.of(), violations, String.join("\n", violations));
  }

  @Test
  void flaws_catchTheWordingsTheIssueQuotes() {
    // issue 22's quotes; each pattern must fire on its own example, or the scan proves nothing
    assertTrue(FLAWS.get("number glued to a word").matcher("Fix: Heap just above32 gb").find());
    assertTrue(
        FLAWS.get("a saving of nothing").matcher("severe idle-executors, saving 0 ms").find());
    assertTrue(FLAWS.get("a saving of nothing").matcher("bringing GC to 8 % saves 0.0 s").find());
    assertTrue(FLAWS.get("a dangling 'and'").matcher("word 'and' points to etl").find());
    assertFalse(FLAWS.get("a saving of nothing").matcher("saves 0.5 s").find());
    assertFalse(FLAWS.get("number glued to a word").matcher("above 32 GB, spark351").find());
  }

  @Test
  void ruleTitle_sizeInTheName_readsAsASize() {
    assertEquals("Heap just above 32 GB", Engine.words("HeapJustAbove32Gb"));
    assertEquals("Parquet lz4 raw codec", Engine.words("ParquetLz4RawCodec"));
    assertEquals("Java serializer", Engine.words("JavaSerializer"));
  }

  @Test
  void classifyText_evidenceNamesContentWordsOnly() {
    Classification c =
        WorkloadAnalyzer.classify("join orders and customers nightly, 2 TB of parquet");
    assertFalse(c.evidence().isEmpty());
    for (String e : c.evidence()) {
      assertFalse(FLAWS.get("a dangling 'and'").matcher(e).find(), e);
      assertFalse(e.startsWith("word 'of'"), e);
    }
  }
}
