package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.eventlog.RealLogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every finding over every real event log of {@link RealLogs#all()}, against what a Spark engineer
 * rejects at once (issue 22, severity and wording): a saving of nothing claimed, a sub-second cost
 * rated above low, numbers glued to words, a dangling "and". It lists every violation before
 * failing.
 */
class BottleneckCorpusTest {
  /** "saves about 0.0 s", "saving 0 ms", "0.0 s": a saving or time that rounds to nothing. */
  private static final Pattern ZERO =
      Pattern.compile("(?i)(sav(e|es|ing)\\D{0,12}\\b0(\\.0+)? ?m?s\\b)|(\\b0\\.0 s\\b)");

  /** Wording slips: a dangling "and", doubled or misplaced spaces, a singular count as plural. */
  private static final Pattern SLIP =
      Pattern.compile(
          "(\\band\\s*[;:.,)]|\\band$|  |\\( | \\)| ,|\\b1 (tasks|stages|executors|stage"
              + " attempts|shuffle fetches) )");

  /** The detectors' own words glued to a number: "above32", "32gb". */
  private static final Pattern GLUED =
      Pattern.compile("\\b(above|below|under|over|of|for|about|ran|took)[0-9]|[0-9](gb|ms|s)\\b");

  @Test
  void everyRealLog_findingsAnExpertWouldSign() {
    List<String> violations = new ArrayList<>();
    int logs = 0;
    int findings = 0;
    int subSecond = 0;
    for (Path log : RealLogs.all()) {
      String name = RealLogs.DIR.relativize(log).toString();
      BottleneckReport r;
      try {
        r = BottleneckDetector.detect(EventLogs.read(log));
      } catch (ModelsException e) {
        continue; // a log without a completed task (the corpus keeps such logs on purpose)
      }
      logs++;
      boolean local = EventLogs.read(log).clusterManager().orElse(null) == ClusterManager.LOCAL;
      for (Bottleneck b : r.bottlenecks()) {
        findings++;
        String where = name + " " + b.severity().id() + " " + b.kind().id();
        if (local && b.kind() == BottleneckKind.IDLE_EXECUTORS) {
          violations.add(where + ": idle executors in local mode, whose slots hold no hardware");
        }
        String reason = b.reason();
        if (ZERO.matcher(reason).find()) {
          violations.add(where + ": claims nothing: " + reason);
        }
        if (SLIP.matcher(reason).find()) {
          violations.add(where + ": wording: " + reason);
        }
        if (GLUED.matcher(reason).find()) {
          violations.add(where + ": glued: " + reason);
        }
        b.estimatedSaving()
            .filter(d -> d.toMillis() <= 0)
            .ifPresent(d -> violations.add(where + ": a saving of " + d));
        Double cost = b.evidence().get("costMs");
        if (cost == null) {
          violations.add(where + ": no costMs in its evidence");
        } else if (cost < 1000) {
          subSecond++;
          if (b.severity() != BottleneckSeverity.LOW) {
            violations.add(where + ": a sub-second cost (" + cost + " ms) rated above low");
          }
        }
      }
    }
    String counts =
        String.format(
            Locale.ROOT,
            "%d logs, %d findings, %d with a sub-second cost",
            logs,
            findings,
            subSecond);
    assertTrue(logs >= 35 && subSecond >= 5, counts);
    assertTrue(violations.isEmpty(), counts + "\n" + String.join("\n", violations));
  }
}
