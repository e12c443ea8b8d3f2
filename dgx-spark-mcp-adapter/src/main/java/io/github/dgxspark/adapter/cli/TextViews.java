package io.github.dgxspark.adapter.cli;

import io.github.dgxspark.adapter.AnalyzeResult;
import io.github.dgxspark.adapter.BottlenecksResult;
import io.github.dgxspark.adapter.ClassifyResult;
import io.github.dgxspark.adapter.ClusterSummary;
import io.github.dgxspark.adapter.EstimateResult;
import io.github.dgxspark.adapter.HardwareResult;
import io.github.dgxspark.adapter.HistoryResult;
import io.github.dgxspark.adapter.ProfilesResult;
import io.github.dgxspark.adapter.QualifyResult;
import io.github.dgxspark.adapter.RecommendResult;
import io.github.dgxspark.adapter.RecommendationsResult;
import io.github.dgxspark.adapter.RulesResult;
import io.github.dgxspark.adapter.ScaleResult;
import io.github.dgxspark.adapter.SkippedLog;
import io.github.dgxspark.adapter.ValidateResult;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.models.estimate.CostEstimate;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.recommendations.AbTestPlan;
import io.github.dgxspark.models.recommendations.Change;
import io.github.dgxspark.models.recommendations.Range;
import io.github.dgxspark.models.recommendations.TargetPlan;
import io.github.dgxspark.models.workload.GpuGeneration;
import io.github.dgxspark.models.workload.QualificationReport;
import io.github.dgxspark.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Readable text made from the results of {@link io.github.dgxspark.adapter.Operations}. */
final class TextViews {
  private TextViews() {}

  static String recommend(RecommendResult r) {
    StringBuilder sb = new StringBuilder();
    ClusterSummary hw = r.hardware();
    RecommendResult.Workload w = r.workload();
    sb.append(
        String.format(
            Locale.ROOT,
            "Spark config for %s%s on %d x %s (%s), mode %s%n%n",
            w.workloadType(),
            w.dataSizeBytes().map(b -> " of " + ByteSizes.human(b)).orElse(""),
            hw.nodes(),
            hw.origin(),
            hw.clusterManager(),
            r.mode()));
    TextTable t = new TextTable("KEY", "VALUE", "REASON");
    r.config().forEach((k, v) -> t.row(k, v, r.reasons().getOrDefault(k, "")));
    sb.append(t.render());
    notes(sb, r.notes());
    return sb.toString();
  }

  static String hardware(HardwareResult h) {
    StringBuilder sb = new StringBuilder();
    HardwareResult.Node n = h.node();
    sb.append(
        String.format(
            Locale.ROOT,
            "%d node(s) from %s, cluster manager %s%n",
            h.nodes(),
            h.origin(),
            h.clusterManager()));
    TextTable t = new TextTable("PER NODE", "VALUE");
    t.row("CPU", n.cpuModel().isEmpty() ? "(not reported)" : n.cpuModel());
    t.row(
        "cores",
        n.logicalCores()
            + " logical, "
            + n.physicalCores()
            + " physical, "
            + n.sockets()
            + " socket(s), "
            + n.numaNodes()
            + " NUMA node(s)");
    t.row("memory", ByteSizes.human(n.memoryBytes()) + (n.unifiedMemory() ? " (unified)" : ""));
    t.row("GPUs", n.gpus().size());
    t.row(
        "NVLink",
        n.nvlink().present()
            ? ByteSizes.human(n.nvlink().bytesPerSecondPerGpu()) + "/s per GPU"
            : "none");
    t.row("interconnect", ByteSizes.human(h.interconnectBytesPerSecond()) + "/s");
    sb.append(t.render());
    if (!n.gpus().isEmpty()) {
      sb.append('\n');
      TextTable g = new TextTable("GPU", "NAME", "MEMORY", "COMPUTE", "NVLINKS");
      int i = 0;
      for (GpuSpec gpu : n.gpus()) {
        g.row(
            i++,
            gpu.name(),
            ByteSizes.human(gpu.memoryBytes()),
            gpu.computeCapability(),
            gpu.nvlinkCount());
      }
      sb.append(g.render());
    }
    notes(sb, h.notes());
    return sb.toString();
  }

  static String profiles(ProfilesResult p) {
    TextTable t = new TextTable("NAME", "SYSTEM", "GPUS", "GPU MEMORY", "CORES", "MEMORY");
    for (ProfilesResult.Summary e : p.profiles()) {
      t.row(
          e.name(),
          e.title(),
          e.gpuCount() == 0 ? "-" : e.gpuCount() + " x " + e.gpuName(),
          ByteSizes.human(e.gpuMemoryBytes()),
          e.logicalCores(),
          ByteSizes.human(e.memoryBytes()) + (e.unifiedMemory() ? " unified" : ""));
    }
    return t.render();
  }

  static String validate(ValidateResult v) {
    StringBuilder sb = new StringBuilder();
    TextTable t = new TextTable("SEVERITY", "RULE", "KEYS", "MESSAGE");
    for (Finding f : v.findings()) {
      t.row(
          f.severity().name(),
          f.ruleId(),
          String.join(", ", f.keys()),
          f.message() + f.suggestedValue().map(x -> " [suggested: " + x + "]").orElse(""));
    }
    if (!t.isEmpty()) {
      sb.append(t.render()).append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d error(s), %d warning(s), %d info(s) from %d rules for Spark %s%s%s%n",
            v.errors(),
            v.warnings(),
            v.infos(),
            v.rulesChecked(),
            v.sparkVersion(),
            v.rapidsVersion().map(x -> " with the RAPIDS Accelerator " + x).orElse(""),
            v.hardware()
                .map(h -> " against " + h.nodes() + " x " + h.origin())
                .orElse(" (config alone)")));
    return sb.toString();
  }

  static String rules(RulesResult r) {
    TextTable t = new TextTable("RULE", "CATEGORY", "SEVERITY", "APPLIES TO", "WHY");
    for (RulesResult.Rule e : r.rules()) {
      t.row(e.name(), e.category(), e.severity(), String.join(",", e.appliesTo()), e.rationale());
    }
    return t.render() + r.rules().size() + " rules\n";
  }

  static String analyze(AnalyzeResult a) {
    StringBuilder sb = new StringBuilder();
    logWarnings(sb, a.logWarnings().orElse(List.of()));
    AnalyzeResult.Application app = a.application();
    TextTable t = new TextTable("APPLICATION", "VALUE");
    t.row("id", app.id().orElse("-"));
    t.row("name", app.name().orElse("-"));
    t.row("Spark", app.sparkVersion().orElse("-"));
    t.row(
        "duration",
        app.durationMs().map(TextViews::readable).orElse("- (the application had not ended)"));
    t.row("executors", app.executors());
    t.row("GPU operators", String.join(", ", app.gpuOperators()));
    sb.append(t.render()).append('\n');
    ApplicationProfile.Totals x = a.totals();
    TextTable tt = new TextTable("TOTAL", "VALUE");
    tt.row("jobs", x.jobs());
    tt.row("stages", x.stages());
    tt.row("tasks", x.tasks());
    tt.row("failed tasks", x.failedTasks());
    tt.row("executor run time", readable(x.executorRunTimeMs()));
    tt.row("executor CPU time", readable(x.executorCpuTimeNs() / 1_000_000));
    tt.row("JVM GC time", readable(x.jvmGcTimeMs()));
    tt.row("input", ByteSizes.human(x.inputBytes()));
    tt.row("output", ByteSizes.human(x.outputBytes()));
    tt.row("shuffle read", ByteSizes.human(x.shuffleReadBytes()));
    tt.row("shuffle write", ByteSizes.human(x.shuffleWriteBytes()));
    tt.row("spilled (memory)", ByteSizes.human(x.memoryBytesSpilled()));
    tt.row("spilled (disk)", ByteSizes.human(x.diskBytesSpilled()));
    sb.append(tt.render());
    bottlenecks(sb, a.bottlenecks());
    a.bottlenecksUnavailable().ifPresent(u -> sb.append("  (").append(u).append(")\n"));
    diagnoses(sb, a.diagnoses().orElse(List.of()));
    recommendations(sb, a.recommendations());
    a.recommendationsUnavailable().ifPresent(u -> sb.append("  (").append(u).append(")\n"));
    a.target().ifPresent(p -> target(sb, p));
    for (String x2 : a.assumptions().orElse(List.of())) {
      if (x2.startsWith("target: no plan")) {
        sb.append('\n').append(x2).append('\n');
      }
    }
    return sb.toString();
  }

  /** One "warning:" line per warning of a log-based result. */
  static void logWarnings(StringBuilder sb, List<String> warnings) {
    for (String w : warnings) {
      sb.append("warning: ").append(w).append('\n');
    }
    if (!warnings.isEmpty()) {
      sb.append('\n');
    }
  }

  static void bottlenecks(StringBuilder sb, List<BottlenecksResult.Item> list) {
    if (list.isEmpty()) {
      sb.append("\nNo bottlenecks found.\n");
      return;
    }
    sb.append("\nBottlenecks, most severe first:\n");
    TextTable t = new TextTable("SEVERITY", "KIND", "WALL TIME", "SAVING", "WHY");
    for (BottlenecksResult.Item b : list) {
      t.row(
          b.severity(),
          b.kind(),
          b.wallTimeFraction().isPresent()
              ? String.format(Locale.ROOT, "%.0f %%", 100 * b.wallTimeFraction().getAsDouble())
              : "-",
          b.estimatedSavingMs().map(TextViews::readable).orElse("-"),
          b.reason());
    }
    sb.append(t.render());
  }

  static String scale(ScaleResult s) {
    StringBuilder sb = new StringBuilder();
    logWarnings(sb, s.logWarnings().orElse(List.of()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%d -> %d executors: %s -> %s%n",
            s.observedExecutors(),
            s.targetExecutors(),
            readable(s.observedDurationMs()),
            interval(
                s.predictedDurationMs(),
                s.interval().level(),
                s.interval().low(),
                s.interval().high())));
    if (s.disagree()) {
      sb.append("the replay and the Ernest model disagree; see below\n");
    }
    sb.append('\n').append(s.reason()).append('\n');
    sb.append("source: ").append(s.source()).append('\n');
    return sb.toString();
  }

  static void recommendations(StringBuilder sb, List<RecommendationsResult.Item> recs) {
    if (recs.isEmpty()) {
      sb.append("\nNo recommendations.\n");
      return;
    }
    sb.append("\nRecommendations, highest priority first:\n");
    int n = 1;
    for (RecommendationsResult.Item r : recs) {
      sb.append(String.format(Locale.ROOT, "%n%d. %s%n", n++, r.title()));
      for (Change c : r.changes()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "   %s: %s -> %s%n",
                c.key(),
                c.current()
                    .map(
                        v ->
                            v
                                + (c.currentSource() == EffectiveValue.Source.DEFAULT
                                    ? " (default)"
                                    : ""))
                    .orElse("(unset)"),
                c.proposed()));
      }
      sb.append("   why: ").append(r.reason()).append('\n');
      RecommendationsResult.Impact impact = r.impact();
      if (impact.known() && impact.runTimeChange().isPresent()) {
        Range rt = impact.runTimeChange().get();
        sb.append(
            String.format(
                Locale.ROOT,
                "   run time: %+.1f %% (%+.1f %% .. %+.1f %%)%n",
                100 * rt.expected(),
                100 * rt.low(),
                100 * rt.high()));
      } else {
        sb.append("   run time: impact unknown (").append(impact.basis()).append(")\n");
      }
      AbTestPlan ab = r.abTest();
      if (ab.detectable() && ab.runsPerArm().isPresent()) {
        sb.append(
            String.format(
                Locale.ROOT, "   A/B test: %d runs of each arm%n", ab.runsPerArm().getAsInt()));
      } else {
        sb.append("   A/B test: ").append(ab.stopRule()).append('\n');
      }
    }
  }

  static void diagnoses(StringBuilder sb, List<String> list) {
    if (list.isEmpty()) {
      return;
    }
    sb.append("\nDiagnoses:\n");
    for (String d : list) {
      sb.append("- ").append(d).append('\n');
    }
  }

  static void target(StringBuilder sb, TargetPlan t) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%nPlan for the target (%s, %s mode), each value with its basis (* measured in the"
                + " log):%n",
            t.hardware(),
            t.mode().id()));
    TextTable tt = new TextTable("KEY", "VALUE", "BASIS");
    for (TargetPlan.PlannedValue v : t.values()) {
      tt.row((v.measured() ? "* " : "  ") + v.key(), v.value(), v.basis());
    }
    sb.append(tt.render());
    for (String n : t.notes()) {
      sb.append("  ").append(n).append('\n');
    }
  }

  static String classify(ClassifyResult c) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s (%.0f %%), runner-up %s (%.0f %%)%n%s%n",
            c.workloadType(),
            100 * c.confidence(),
            c.runnerUp(),
            100 * c.runnerUpConfidence(),
            c.reason()));
    sb.append("evidence: ").append(String.join(", ", c.evidence())).append('\n');
    ClassifyResult.Extraction x = c.extraction();
    x.dataSizeBytes()
        .ifPresent(b -> sb.append("data size: ").append(ByteSizes.human(b)).append('\n'));
    x.modelParameters().ifPresent(m -> sb.append("model parameters: ").append(m).append('\n'));
    sb.append("GPU intent: ").append(x.gpuIntent()).append('\n');
    if (!x.operations().isEmpty()) {
      sb.append("operations: ").append(String.join(", ", x.operations())).append('\n');
    }
    return sb.toString();
  }

  static String estimate(EstimateResult e) {
    StringBuilder sb = new StringBuilder();
    EstimateResult.Job j = e.job();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s job (%s)%s, mode %s, on %d x %s%n%n",
            j.workloadType(),
            j.basis(),
            j.inputBytes().isPresent()
                ? ", input " + ByteSizes.human(j.inputBytes().getAsLong())
                : "",
            j.mode(),
            e.hardware().nodes(),
            e.hardware().origin()));
    e.resources()
        .ifPresent(
            r -> {
              TextTable t = new TextTable("NEEDS", "VALUE");
              t.row("memory", ByteSizes.human(r.memoryBytes()));
              t.row("cores", r.cores());
              t.row("GPUs", r.gpus());
              t.row("GPU memory", ByteSizes.human(r.gpuMemoryBytes()));
              t.row("nodes", r.nodes() + (r.fitsCluster() ? " (fits)" : " (more than given)"));
              sb.append(t.render());
              r.reasoning().forEach(l -> sb.append("  - ").append(l).append('\n'));
              sb.append('\n');
            });
    EstimateResult.Answer a = e.answer();
    sb.append(
        String.format(
            Locale.ROOT,
            "time: %s from %s%s%n",
            interval(a.expectedMs(), a.level(), a.lowMs(), a.highMs()),
            a.model(),
            a.extrapolated() ? " [extrapolated: no model has measured runs near this job]" : ""));
    for (EstimateResult.Model m : a.models()) {
      boolean ernest = m.name().equals("Ernest");
      sb.append(
          String.format(
              Locale.ROOT,
              "  %s: %s, %s%s%n    %s%n    %s%n",
              ernest ? "Ernest (measured history)" : m.name(),
              interval(m.expectedMs(), a.level(), m.lowMs(), m.highMs()),
              m.used() ? "used" : "not used",
              ernest || !e.time().fallback() ? "" : " [generic priors: a rough guess]",
              m.validity(),
              ernest ? e.performance().reason() : e.time().reason()));
    }
    if (a.models().size() < 2) {
      sb.append("  Ernest (measured history): no prediction\n    ")
          .append(e.performance().reason())
          .append('\n');
    }
    CostEstimate cost = e.cost();
    cost.onPrem()
        .ifPresent(
            p ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "cost on-prem: $%.2f ($%.2f .. $%.2f), %.1f kWh%n",
                        p.expectedUsd(),
                        p.lowUsd(),
                        p.highUsd(),
                        p.energyKwh())));
    if (!cost.cloud().isEmpty()) {
      TextTable c = new TextTable("CLOUD", "INSTANCE", "COUNT", "USD/H", "EXPECTED USD");
      for (CostEstimate.Cloud i : cost.cloud()) {
        c.row(
            i.provider(),
            i.instanceType(),
            i.instances(),
            String.format(Locale.ROOT, "%.2f", i.usdPerHour()),
            String.format(Locale.ROOT, "%.2f", i.expectedUsd()));
      }
      sb.append(c.render());
    }
    notes(sb, cost.notes());
    return sb.toString();
  }

  static String qualify(QualifyResult q) {
    StringBuilder sb = new StringBuilder();
    QualifyResult.Target t = q.target();
    GpuGeneration g = t.gpuGeneration();
    sb.append(
        String.format(
            Locale.ROOT,
            "Qualification for %d x %s (%s, %s factor %.2f vs A100, %.2f-%.2f)%n%n",
            t.nodes(),
            t.origin(),
            t.gpuName().orElse(""),
            g.gpu(),
            g.expected(),
            g.low(),
            g.high()));
    TextTable table =
        new TextTable(
            "APPLICATION",
            "CPU",
            "GPU (EXPECTED, RANGE)",
            "SPEEDUP",
            "SAVING",
            "CATEGORY",
            "SUPPORTED",
            "TOP UNSUPPORTED");
    for (QualifyResult.Application a : q.applications()) {
      QualifyResult.Millis p = a.predictedGpuWallTimeMs();
      QualificationReport.Range s = a.speedup();
      long saving = a.cpuWallTimeMs() - p.expected();
      table.row(
          a.appId().orElse(a.logPath()),
          readable(a.cpuWallTimeMs()),
          readable(p.expected()) + " (" + readable(p.low()) + "-" + readable(p.high()) + ")",
          String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", s.expected(), s.low(), s.high()),
          (saving < 0 ? "-" : "") + readable(Math.abs(saving)),
          a.category(),
          String.format(Locale.ROOT, "%.0f %%", 100 * a.supportedTimeFraction()),
          a.unsupportedOperators().isEmpty()
              ? ""
              : String.format(
                  Locale.ROOT,
                  "%s %.0f %%",
                  a.unsupportedOperators().get(0).name(),
                  100 * a.unsupportedOperators().get(0).timeShare()));
    }
    sb.append(table.render());
    if (!q.applications().isEmpty()) {
      QualifyResult.Application first = q.applications().get(0);
      sb.append(String.format(Locale.ROOT, "%nWhy (%s):%n", first.logPath()));
      for (String r : first.reasons()) {
        sb.append("  - ").append(r).append('\n');
      }
    }
    if (!q.skipped().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nSkipped:%n"));
      for (SkippedLog s : q.skipped()) {
        sb.append("  ").append(s.logPath()).append(": ").append(s.error()).append('\n');
      }
    }
    return sb.toString();
  }

  static String qualifyCsv(QualifyResult q) {
    StringBuilder sb =
        new StringBuilder(
            "appId,name,logPath,cpuWallTimeMs,predictedGpuWallTimeMs,predictedGpuWallTimeLowMs,"
                + "predictedGpuWallTimeHighMs,speedup,speedupLow,speedupHigh,recommended,category,"
                + "supportedTimeFraction,unsupportedOperators\n");
    for (QualifyResult.Application a : q.applications()) {
      QualifyResult.Millis p = a.predictedGpuWallTimeMs();
      QualificationReport.Range s = a.speedup();
      List<String> ops = new ArrayList<>();
      for (QualificationReport.OperatorShare o : a.unsupportedOperators()) {
        ops.add(o.name() + ":" + o.timeShare());
      }
      List<String> cells =
          List.of(
              a.appId().orElse(""),
              a.name(),
              a.logPath(),
              String.valueOf(a.cpuWallTimeMs()),
              String.valueOf(p.expected()),
              String.valueOf(p.low()),
              String.valueOf(p.high()),
              String.valueOf(s.expected()),
              String.valueOf(s.low()),
              String.valueOf(s.high()),
              String.valueOf(a.recommended()),
              a.category(),
              String.valueOf(a.supportedTimeFraction()),
              String.join(";", ops));
      List<String> quoted = new ArrayList<>();
      for (String c : cells) {
        quoted.add(csvCell(c));
      }
      sb.append(String.join(",", quoted)).append('\n');
    }
    return sb.toString();
  }

  /** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. */
  static String csvCell(String c) {
    return c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
        ? "\"" + c.replace("\"", "\"\"") + "\""
        : c;
  }

  /** True when standard error is a terminal (Linux: fd 2 links to a tty; else a console exists). */
  static boolean stderrIsTerminal() {
    try {
      String target =
          java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  static String history(HistoryResult h) {
    return String.format(Locale.ROOT, "%d run(s) in %s%n%n", h.runs().size(), h.history())
        + runs(h.runs());
  }

  static String historyAdded(HistoryResult.Added h) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Added %d run(s) to %s (%d in all)%n%n",
                h.added().size(),
                h.history(),
                h.runs()));
    sb.append(runs(h.added()));
    for (SkippedLog s : h.skipped()) {
      sb.append("skipped ").append(s.logPath()).append(": ").append(s.error()).append('\n');
    }
    return sb.toString();
  }

  private static String runs(List<HistoryResult.Run> runs) {
    TextTable t = new TextTable("APP ID", "SOURCE", "WORKLOAD", "WALL", "EXECUTORS", "LOG");
    for (HistoryResult.Run r : runs) {
      t.row(
          r.appId().orElse(""),
          r.source(),
          r.workload(),
          readable(r.wallTimeMs()),
          r.executors() + " x " + r.executorCores(),
          r.logPath());
    }
    return t.isEmpty() ? "" : t.render();
  }

  /**
   * A time for people, in its two largest units: {@code 850 ms}, {@code 12.3 s}, {@code 24 min 5
   * s}, {@code 1 h 41 min}, {@code 88 d 17 h}. The JSON output keeps exact milliseconds; every time
   * the views show (durations, savings, estimates) is 0 or more.
   */
  static String readable(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 59_950) { // below what %.1f would print as 60.0 s
      return String.format(Locale.ROOT, "%.1f s", ms / 1_000.0);
    }
    long s = Math.round(ms / 1_000.0);
    if (s < 3_600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    long min = Math.round(ms / 60_000.0);
    if (min < 1_440) {
      return (min / 60) + " h " + (min % 60) + " min";
    }
    long h = Math.round(ms / 3_600_000.0);
    return (h / 24) + " d " + (h % 24) + " h";
  }

  /** {@code EXPECTED (LEVEL % interval LOW .. HIGH)}; times in milliseconds, level a fraction. */
  static String interval(long expectedMs, double level, long lowMs, long highMs) {
    return String.format(
        Locale.ROOT,
        "%s (%.0f %% interval %s .. %s)",
        readable(expectedMs),
        100 * level,
        readable(lowMs),
        readable(highMs));
  }

  static void notes(StringBuilder sb, List<String> notes) {
    if (!notes.isEmpty()) {
      sb.append("\nNotes:\n");
      notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
    }
  }
}
