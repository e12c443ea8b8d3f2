package io.github.dgxspark.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.SparkConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Readable text made from the JSON trees of {@link io.github.dgxspark.adapter.Operations}. */
final class TextViews {
  private TextViews() {}

  static String recommend(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    JsonNode hw = r.path("hardware");
    JsonNode w = r.path("workload");
    sb.append(
        String.format(
            Locale.ROOT,
            "Spark config for %s%s on %d x %s (%s), mode %s%n%n",
            w.path("workloadType").asText(),
            w.has("dataSizeBytes") ? " of " + bytes(w.path("dataSizeBytes")) : "",
            hw.path("nodes").asInt(),
            hw.path("origin").asText(),
            hw.path("clusterManager").asText(),
            r.path("mode").asText()));
    TextTable t = new TextTable("KEY", "VALUE", "REASON");
    for (Map.Entry<String, JsonNode> e : r.path("config").properties()) {
      t.row(e.getKey(), e.getValue().asText(), r.path("reasons").path(e.getKey()).asText());
    }
    sb.append(t.render());
    notes(sb, r.path("notes"));
    return sb.toString();
  }

  static String conf(ObjectNode r) {
    return config(r).toDefaultsConf(texts(r.path("reasons")));
  }

  static String submit(ObjectNode r) {
    return config(r).toSubmitCommandLine();
  }

  static String hardware(ObjectNode h) {
    StringBuilder sb = new StringBuilder();
    JsonNode n = h.path("node");
    sb.append(
        String.format(
            Locale.ROOT,
            "%d node(s) from %s, cluster manager %s%n",
            h.path("nodes").asInt(),
            h.path("origin").asText(),
            h.path("clusterManager").asText()));
    TextTable t = new TextTable("PER NODE", "VALUE");
    t.row(
        "CPU",
        n.path("cpuModel").asText().isEmpty() ? "(not reported)" : n.path("cpuModel").asText());
    t.row(
        "cores",
        n.path("logicalCores").asInt()
            + " logical, "
            + n.path("physicalCores").asInt()
            + " physical, "
            + n.path("sockets").asInt()
            + " socket(s), "
            + n.path("numaNodes").asInt()
            + " NUMA node(s)");
    t.row(
        "memory",
        bytes(n.path("memoryBytes")) + (n.path("unifiedMemory").asBoolean() ? " (unified)" : ""));
    t.row("GPUs", n.path("gpus").size());
    t.row(
        "NVLink",
        n.path("nvlink").path("present").asBoolean()
            ? bytes(n.path("nvlink").path("bytesPerSecondPerGpu")) + "/s per GPU"
            : "none");
    t.row("interconnect", bytes(h.path("interconnectBytesPerSecond")) + "/s");
    sb.append(t.render());
    if (n.path("gpus").size() > 0) {
      sb.append('\n');
      TextTable g = new TextTable("GPU", "NAME", "MEMORY", "COMPUTE", "NVLINKS");
      int i = 0;
      for (JsonNode gpu : n.path("gpus")) {
        g.row(
            i++,
            gpu.path("name").asText(),
            bytes(gpu.path("memoryBytes")),
            gpu.path("computeCapability").asText(),
            gpu.path("nvlinkCount").asInt());
      }
      sb.append(g.render());
    }
    notes(sb, h.path("notes"));
    return sb.toString();
  }

  static String profiles(ObjectNode p) {
    TextTable t = new TextTable("NAME", "SYSTEM", "GPUS", "GPU MEMORY", "CORES", "MEMORY");
    for (JsonNode e : p.path("profiles")) {
      t.row(
          e.path("name").asText(),
          e.path("title").asText(),
          e.path("gpuCount").asInt() == 0
              ? "-"
              : e.path("gpuCount").asInt() + " x " + e.path("gpuName").asText(),
          bytes(e.path("gpuMemoryBytes")),
          e.path("logicalCores").asInt(),
          bytes(e.path("memoryBytes")) + (e.path("unifiedMemory").asBoolean() ? " unified" : ""));
    }
    return t.render();
  }

  static String validate(ObjectNode v) {
    StringBuilder sb = new StringBuilder();
    TextTable t = new TextTable("SEVERITY", "RULE", "KEYS", "MESSAGE");
    for (JsonNode f : v.path("findings")) {
      String msg = f.path("message").asText();
      if (f.has("suggestedValue")) {
        msg += " [suggested: " + f.path("suggestedValue").asText() + "]";
      }
      t.row(
          f.path("severity").asText(),
          f.path("ruleId").asText(),
          String.join(", ", strings(f.path("keys"))),
          msg);
    }
    if (!t.isEmpty()) {
      sb.append(t.render()).append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d error(s), %d warning(s), %d info(s) from %d rules for Spark %s%s%n",
            v.path("errors").asInt(),
            v.path("warnings").asInt(),
            v.path("infos").asInt(),
            v.path("rulesChecked").asInt(),
            v.path("sparkVersion").asText("-")
                + (v.has("rapidsVersion")
                    ? " with the RAPIDS Accelerator " + v.path("rapidsVersion").asText()
                    : ""),
            v.has("hardware")
                ? " against "
                    + v.path("hardware").path("nodes").asInt()
                    + " x "
                    + v.path("hardware").path("origin").asText()
                : " (config alone)"));
    return sb.toString();
  }

  static String rules(ObjectNode r) {
    TextTable t = new TextTable("RULE", "CATEGORY", "SEVERITY", "APPLIES TO", "WHY");
    for (JsonNode e : r.path("rules")) {
      t.row(
          e.path("name").asText(),
          e.path("category").asText(),
          e.path("severity").asText(),
          String.join(",", strings(e.path("appliesTo"))),
          e.path("rationale").asText());
    }
    return t.render() + r.path("rules").size() + " rules\n";
  }

  static String analyze(ObjectNode a) {
    StringBuilder sb = new StringBuilder();
    logWarnings(sb, a);
    JsonNode app = a.path("application");
    TextTable t = new TextTable("APPLICATION", "VALUE");
    t.row("id", app.path("id").asText("-"));
    t.row("name", app.path("name").asText("-"));
    t.row("Spark", app.path("sparkVersion").asText("-"));
    t.row(
        "duration",
        app.has("durationMs")
            ? duration(app.path("durationMs"))
            : "- (the application had not ended)");
    t.row("executors", app.path("executors").asInt());
    t.row("GPU operators", String.join(", ", strings(app.path("gpuOperators"))));
    sb.append(t.render()).append('\n');
    TextTable tt = new TextTable("TOTAL", "VALUE");
    for (Map.Entry<String, JsonNode> e : a.path("totals").properties()) {
      String k = e.getKey();
      tt.row(
          k,
          k.endsWith("Bytes") || k.endsWith("Spilled")
              ? bytes(e.getValue())
              : e.getValue().asText());
    }
    sb.append(tt.render());
    bottlenecks(sb, a.path("bottlenecks"));
    if (a.has("bottlenecksUnavailable")) {
      sb.append("  (").append(a.path("bottlenecksUnavailable").asText()).append(")\n");
    }
    diagnoses(sb, a.path("diagnoses"));
    recommendations(sb, a.path("recommendations"));
    if (a.has("recommendationsUnavailable")) {
      sb.append("  (").append(a.path("recommendationsUnavailable").asText()).append(")\n");
    }
    target(sb, a.path("target"));
    for (JsonNode x : a.path("assumptions")) {
      if (x.asText().startsWith("target: no plan")) {
        sb.append('\n').append(x.asText()).append('\n');
      }
    }
    return sb.toString();
  }

  /** One "warning:" line per entry of a log-based result's {@code logWarnings}. */
  static void logWarnings(StringBuilder sb, JsonNode result) {
    for (JsonNode w : result.path("logWarnings")) {
      sb.append("warning: ").append(w.asText()).append('\n');
    }
    if (result.has("logWarnings")) {
      sb.append('\n');
    }
  }

  static void bottlenecks(StringBuilder sb, JsonNode list) {
    if (list.size() == 0) {
      sb.append("\nNo bottlenecks found.\n");
      return;
    }
    sb.append("\nBottlenecks, most severe first:\n");
    TextTable t = new TextTable("SEVERITY", "KIND", "WALL TIME", "SAVING", "WHY");
    for (JsonNode b : list) {
      t.row(
          b.path("severity").asText(),
          b.path("kind").asText(),
          b.has("wallTimeFraction")
              ? String.format(Locale.ROOT, "%.0f %%", 100 * b.path("wallTimeFraction").asDouble())
              : "-",
          b.has("estimatedSavingMs") ? duration(b.path("estimatedSavingMs")) : "-",
          b.path("reason").asText());
    }
    sb.append(t.render());
  }

  static String scale(ObjectNode s) {
    JsonNode i = s.path("interval");
    StringBuilder sb = new StringBuilder();
    logWarnings(sb, s);
    sb.append(
        String.format(
            Locale.ROOT,
            "%d -> %d executors: %s -> %s%n",
            s.path("observedExecutors").asInt(),
            s.path("targetExecutors").asInt(),
            duration(s.path("observedDurationMs")),
            interval(
                s.path("predictedDurationMs"), i.path("level"), i.path("low"), i.path("high"))));
    if (s.path("disagree").asBoolean()) {
      sb.append("the replay and the Ernest model disagree; see below\n");
    }
    sb.append('\n').append(s.path("reason").asText()).append('\n');
    sb.append("source: ").append(s.path("source").asText()).append('\n');
    return sb.toString();
  }

  static void recommendations(StringBuilder sb, JsonNode recs) {
    if (recs.size() == 0) {
      sb.append("\nNo recommendations.\n");
      return;
    }
    sb.append("\nRecommendations, highest priority first:\n");
    int n = 1;
    for (JsonNode r : recs) {
      sb.append(String.format(Locale.ROOT, "%n%d. %s%n", n++, r.path("title").asText()));
      for (JsonNode c : r.path("changes")) {
        sb.append(
            String.format(
                Locale.ROOT,
                "   %s: %s -> %s%n",
                c.path("key").asText(),
                c.path("current").isNull()
                    ? "(unset)"
                    : c.path("current").asText()
                        + (c.path("currentSource").asText().equals("default") ? " (default)" : ""),
                c.path("proposed").asText()));
      }
      sb.append("   why: ").append(r.path("reason").asText()).append('\n');
      JsonNode rt = r.path("impact").path("runTimeChange");
      if (r.path("impact").path("known").asBoolean() && rt.isObject()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "   run time: %+.1f %% (%+.1f %% .. %+.1f %%)%n",
                100 * rt.path("expected").asDouble(),
                100 * rt.path("low").asDouble(),
                100 * rt.path("high").asDouble()));
      } else {
        sb.append("   run time: impact unknown (")
            .append(r.path("impact").path("basis").asText())
            .append(")\n");
      }
      JsonNode ab = r.path("abTest");
      if (ab.path("detectable").asBoolean()) {
        sb.append(
            String.format(
                Locale.ROOT, "   A/B test: %d runs of each arm%n", ab.path("runsPerArm").asInt()));
      } else {
        sb.append("   A/B test: ").append(ab.path("stopRule").asText()).append('\n');
      }
    }
  }

  static void diagnoses(StringBuilder sb, JsonNode list) {
    if (list.size() == 0) {
      return;
    }
    sb.append("\nDiagnoses:\n");
    for (JsonNode d : list) {
      sb.append("- ").append(d.asText()).append('\n');
    }
  }

  static void target(StringBuilder sb, JsonNode t) {
    if (!t.isObject()) {
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nPlan for the target (%s, %s mode), each value with its basis (* measured in the"
                + " log):%n",
            t.path("hardware").asText(),
            t.path("mode").asText().toLowerCase(Locale.ROOT)));
    TextTable tt = new TextTable("KEY", "VALUE", "BASIS");
    for (JsonNode v : t.path("values")) {
      tt.row(
          (v.path("measured").asBoolean() ? "* " : "  ") + v.path("key").asText(),
          v.path("value").asText(),
          v.path("basis").asText());
    }
    sb.append(tt.render());
    for (JsonNode n : t.path("notes")) {
      sb.append("  ").append(n.asText()).append('\n');
    }
  }

  static String classify(ObjectNode c) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s (%.0f %%), runner-up %s (%.0f %%)%n%s%n",
            c.path("workloadType").asText(),
            100 * c.path("confidence").asDouble(),
            c.path("runnerUp").asText(),
            100 * c.path("runnerUpConfidence").asDouble(),
            c.path("reason").asText()));
    sb.append("evidence: ").append(String.join(", ", strings(c.path("evidence")))).append('\n');
    JsonNode x = c.path("extraction");
    if (x.has("dataSizeBytes")) {
      sb.append("data size: ").append(bytes(x.path("dataSizeBytes"))).append('\n');
    }
    if (x.has("modelParameters")) {
      sb.append("model parameters: ").append(x.path("modelParameters").asLong()).append('\n');
    }
    sb.append("GPU intent: ").append(x.path("gpuIntent").asText()).append('\n');
    if (x.path("operations").size() > 0) {
      sb.append("operations: ")
          .append(String.join(", ", strings(x.path("operations"))))
          .append('\n');
    }
    return sb.toString();
  }

  static String estimate(ObjectNode e) {
    StringBuilder sb = new StringBuilder();
    JsonNode j = e.path("job");
    sb.append(
        String.format(
            Locale.ROOT,
            "%s job (%s)%s, mode %s, on %d x %s%n%n",
            j.path("workloadType").asText(),
            j.path("basis").asText(),
            j.has("inputBytes") ? ", input " + bytes(j.path("inputBytes")) : "",
            j.path("mode").asText(),
            e.path("hardware").path("nodes").asInt(),
            e.path("hardware").path("origin").asText()));
    if (e.has("resources")) {
      JsonNode r = e.path("resources");
      TextTable t = new TextTable("NEEDS", "VALUE");
      t.row("memory", bytes(r.path("memoryBytes")));
      t.row("cores", r.path("cores").asInt());
      t.row("GPUs", r.path("gpus").asInt());
      t.row("GPU memory", bytes(r.path("gpuMemoryBytes")));
      t.row(
          "nodes",
          r.path("nodes").asInt()
              + (r.path("fitsCluster").asBoolean() ? " (fits)" : " (more than given)"));
      sb.append(t.render());
      r.path("reasoning").forEach(l -> sb.append("  - ").append(l.asText()).append('\n'));
      sb.append('\n');
    }
    if (e.has("answer")) {
      JsonNode a = e.path("answer");
      sb.append(
          String.format(
              Locale.ROOT,
              "time: %s from %s%s%n",
              interval(a.path("expectedMs"), a.path("level"), a.path("lowMs"), a.path("highMs")),
              a.path("model").asText(),
              a.path("extrapolated").asBoolean()
                  ? " [extrapolated: no model has measured runs near this job]"
                  : ""));
      for (JsonNode m : a.path("models")) {
        JsonNode reason =
            m.path("name").asText().equals("Ernest")
                ? e.path("performance").path("reason")
                : e.path("time").path("reason");
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s: %s, %s%s%n    %s%n    %s%n",
                m.path("name").asText().equals("Ernest")
                    ? "Ernest (measured history)"
                    : m.path("name").asText(),
                interval(m.path("expectedMs"), a.path("level"), m.path("lowMs"), m.path("highMs")),
                m.path("used").asBoolean() ? "used" : "not used",
                m.path("name").asText().equals("Ernest")
                        || !e.path("time").path("fallback").asBoolean()
                    ? ""
                    : " [generic priors: a rough guess]",
                m.path("validity").asText(),
                reason.asText()));
      }
      if (a.path("models").size() < 2 && e.has("performance")) {
        sb.append("  Ernest (measured history): no prediction\n    ")
            .append(e.path("performance").path("reason").asText())
            .append('\n');
      }
    }
    JsonNode cost = e.path("cost");
    if (cost.has("onPrem")) {
      JsonNode p = cost.path("onPrem");
      sb.append(
          String.format(
              Locale.ROOT,
              "cost on-prem: $%.2f ($%.2f .. $%.2f), %.1f kWh%n",
              p.path("expectedUsd").asDouble(),
              p.path("lowUsd").asDouble(),
              p.path("highUsd").asDouble(),
              p.path("energyKwh").asDouble()));
    }
    if (cost.path("cloud").size() > 0) {
      TextTable c = new TextTable("CLOUD", "INSTANCE", "COUNT", "USD/H", "EXPECTED USD");
      for (JsonNode i : cost.path("cloud")) {
        c.row(
            i.path("provider").asText(),
            i.path("instanceType").asText(),
            i.path("instances").asInt(),
            String.format(Locale.ROOT, "%.2f", i.path("usdPerHour").asDouble()),
            String.format(Locale.ROOT, "%.2f", i.path("expectedUsd").asDouble()));
      }
      sb.append(c.render());
    }
    notes(sb, cost.path("notes"));
    return sb.toString();
  }

  static String qualify(ObjectNode q) {
    StringBuilder sb = new StringBuilder();
    JsonNode t = q.path("target");
    JsonNode g = t.path("gpuGeneration");
    sb.append(
        String.format(
            Locale.ROOT,
            "Qualification for %d x %s (%s, %s factor %.2f vs A100, %.2f-%.2f)%n%n",
            t.path("nodes").asInt(),
            t.path("origin").asText(),
            t.path("gpuName").asText(),
            g.path("gpu").asText(),
            g.path("expected").asDouble(),
            g.path("low").asDouble(),
            g.path("high").asDouble()));
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
    for (JsonNode a : q.path("applications")) {
      JsonNode p = a.path("predictedGpuWallTimeMs");
      JsonNode s = a.path("speedup");
      JsonNode top = a.path("unsupportedOperators").path(0);
      long saving = a.path("cpuWallTimeMs").asLong() - p.path("expected").asLong();
      table.row(
          a.path("appId").isNull() ? a.path("logPath").asText() : a.path("appId").asText(),
          readable(a.path("cpuWallTimeMs").asLong()),
          readable(p.path("expected").asLong())
              + " ("
              + readable(p.path("low").asLong())
              + "-"
              + readable(p.path("high").asLong())
              + ")",
          String.format(
              Locale.ROOT,
              "%.2fx (%.2f-%.2f)",
              s.path("expected").asDouble(),
              s.path("low").asDouble(),
              s.path("high").asDouble()),
          (saving < 0 ? "-" : "") + readable(Math.abs(saving)),
          a.path("category").asText(),
          String.format(Locale.ROOT, "%.0f %%", 100 * a.path("supportedTimeFraction").asDouble()),
          top.isMissingNode()
              ? ""
              : String.format(
                  Locale.ROOT,
                  "%s %.0f %%",
                  top.path("name").asText(),
                  100 * top.path("timeShare").asDouble()));
    }
    sb.append(table.render());
    JsonNode first = q.path("applications").path(0);
    if (!first.isMissingNode()) {
      sb.append(String.format(Locale.ROOT, "%nWhy (%s):%n", first.path("logPath").asText()));
      for (JsonNode r : first.path("reasons")) {
        sb.append("  - ").append(r.asText()).append('\n');
      }
    }
    if (!q.path("skipped").isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nSkipped:%n"));
      for (JsonNode s : q.path("skipped")) {
        sb.append("  ")
            .append(s.path("logPath").asText())
            .append(": ")
            .append(s.path("error").asText())
            .append('\n');
      }
    }
    return sb.toString();
  }

  static String qualifyCsv(ObjectNode q) {
    StringBuilder sb =
        new StringBuilder(
            "appId,name,logPath,cpuWallTimeMs,predictedGpuWallTimeMs,predictedGpuWallTimeLowMs,"
                + "predictedGpuWallTimeHighMs,speedup,speedupLow,speedupHigh,recommended,category,"
                + "supportedTimeFraction,unsupportedOperators\n");
    for (JsonNode a : q.path("applications")) {
      JsonNode p = a.path("predictedGpuWallTimeMs");
      JsonNode s = a.path("speedup");
      List<String> ops = new ArrayList<>();
      for (JsonNode o : a.path("unsupportedOperators")) {
        ops.add(o.path("name").asText() + ":" + o.path("timeShare").asText());
      }
      List<String> cells =
          List.of(
              a.path("appId").isNull() ? "" : a.path("appId").asText(),
              a.path("name").asText(),
              a.path("logPath").asText(),
              a.path("cpuWallTimeMs").asText(),
              p.path("expected").asText(),
              p.path("low").asText(),
              p.path("high").asText(),
              s.path("expected").asText(),
              s.path("low").asText(),
              s.path("high").asText(),
              a.path("recommended").asText(),
              a.path("category").asText(),
              a.path("supportedTimeFraction").asText(),
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

  static String history(ObjectNode h) {
    StringBuilder sb = new StringBuilder();
    JsonNode runs = h.has("added") ? h.path("added") : h.path("runs");
    sb.append(
        String.format(
            Locale.ROOT,
            h.has("added") ? "Added %d run(s) to %s (%d in all)%n%n" : "%d run(s) in %s%n%n",
            runs.size(),
            h.path("history").asText(),
            h.path("runs").asInt()));
    TextTable t = new TextTable("APP ID", "SOURCE", "WORKLOAD", "WALL", "EXECUTORS", "LOG");
    for (JsonNode r : runs) {
      t.row(
          r.path("appId").isNull() ? "" : r.path("appId").asText(),
          r.path("source").asText(),
          r.path("workload").asText(),
          readable(r.path("wallTimeMs").asLong()),
          r.path("executors").asInt() + " x " + r.path("executorCores").asInt(),
          r.path("logPath").asText());
    }
    if (!t.isEmpty()) {
      sb.append(t.render());
    }
    for (JsonNode s : h.path("skipped")) {
      sb.append("skipped ")
          .append(s.path("logPath").asText())
          .append(": ")
          .append(s.path("error").asText())
          .append('\n');
    }
    return sb.toString();
  }

  static String duration(JsonNode ms) {
    return readable(ms.asLong());
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
  static String interval(JsonNode expectedMs, JsonNode level, JsonNode lowMs, JsonNode highMs) {
    return String.format(
        Locale.ROOT,
        "%s (%.0f %% interval %s .. %s)",
        duration(expectedMs),
        100 * level.asDouble(),
        duration(lowMs),
        duration(highMs));
  }

  static List<String> strings(JsonNode array) {
    List<String> l = new ArrayList<>();
    array.forEach(n -> l.add(n.asText()));
    return l;
  }

  static void notes(StringBuilder sb, JsonNode notes) {
    if (notes.size() > 0) {
      sb.append("\nNotes:\n");
      notes.forEach(n -> sb.append("  - ").append(n.asText()).append('\n'));
    }
  }

  static String bytes(JsonNode n) {
    return ByteSizes.human(n.asLong());
  }

  private static SparkConfig config(ObjectNode r) {
    return new SparkConfig(texts(r.path("config")));
  }

  private static Map<String, String> texts(JsonNode o) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }
}
