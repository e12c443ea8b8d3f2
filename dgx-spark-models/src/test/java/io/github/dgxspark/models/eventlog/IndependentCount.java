package io.github.dgxspark.models.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4BlockInputStream;
import org.xerial.snappy.SnappyInputStream;

/**
 * The test's own, deliberately simple count of a log: decompress by file extension (the codec
 * libraries' default streams), read every line as a whole Jackson tree, and add up the fields by
 * path. It shares no code with the reader (no streaming parser, no magic-byte sniffing, no line
 * splitter), so agreement between the two is evidence, not tautology.
 */
final class IndependentCount {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  int jobs;
  int stagesCompleted;
  int tasks;
  int failedTasks;
  long runTimeMs;
  long cpuTimeNs;
  long gcTimeMs;
  long inputBytes;
  long outputBytes;
  long shuffleReadBytes;
  long shuffleWriteBytes;
  long memorySpilled;
  long diskSpilled;
  int executorsRemoved;
  boolean applicationEnd;
  int garbageLines;
  String applicationId;
  String sparkVersion;
  final Set<String> stageAttempts = new HashSet<>();
  final Set<String> gpuOperators = new HashSet<>();

  /** Counts a log file or every file of a log folder (order does not matter for sums). */
  static IndependentCount of(Path fileOrFolder) {
    IndependentCount c = new IndependentCount();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        s.filter(p -> !p.getFileName().toString().startsWith("appstatus_")).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files.add(fileOrFolder);
    }
    for (Path f : files) {
      for (String line : lines(f)) {
        c.add(line);
      }
    }
    return c;
  }

  static List<String> lines(Path f) {
    String name = f.getFileName().toString();
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = decompress(name, raw);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream decompress(String name, InputStream raw) throws IOException {
    if (name.endsWith(".zstd")) {
      return new ZstdInputStream(raw);
    }
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(raw);
    }
    if (name.endsWith(".lz4")) {
      return new LZ4BlockInputStream(raw);
    }
    if (name.endsWith(".snappy")) {
      return new SnappyInputStream(raw);
    }
    return raw;
  }

  private void add(String line) {
    JsonNode e;
    if (line.isBlank()) {
      return;
    }
    try {
      e = MAPPER.readTree(line);
    } catch (IOException ex) {
      garbageLines++;
      return;
    }
    if (e == null || !e.isObject()) {
      garbageLines++;
      return;
    }
    switch (e.path("Event").asText()) {
      case "SparkListenerLogStart":
        sparkVersion = e.path("Spark Version").asText();
        break;
      case "SparkListenerApplicationStart":
        applicationId = e.path("App ID").asText(null);
        break;
      case "SparkListenerJobStart":
        jobs++;
        break;
      case "SparkListenerStageCompleted":
        stagesCompleted++;
        stageAttempts.add(stageKey(e.path("Stage Info")));
        break;
      case "SparkListenerStageSubmitted":
        stageAttempts.add(stageKey(e.path("Stage Info")));
        break;
      case "SparkListenerExecutorRemoved":
        executorsRemoved++;
        break;
      case "SparkListenerApplicationEnd":
        applicationEnd = true;
        break;
      case "SparkListenerTaskEnd":
        taskEnd(e);
        break;
      case "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart":
      case "org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate":
        e.path("sparkPlanInfo").findValues("nodeName").stream()
            .map(JsonNode::asText)
            .filter(n -> n.startsWith("Gpu"))
            .forEach(n -> gpuOperators.add(n.split(" ")[0]));
        break;
      default:
        break;
    }
  }

  private void taskEnd(JsonNode e) {
    tasks++;
    stageAttempts.add(e.path("Stage ID").asInt() + "." + e.path("Stage Attempt ID").asInt());
    if (!e.path("Task End Reason").path("Reason").asText().equals("Success")) {
      failedTasks++;
    }
    JsonNode m = e.path("Task Metrics");
    runTimeMs += m.path("Executor Run Time").asLong();
    cpuTimeNs += m.path("Executor CPU Time").asLong();
    gcTimeMs += m.path("JVM GC Time").asLong();
    inputBytes += m.path("Input Metrics").path("Bytes Read").asLong();
    outputBytes += m.path("Output Metrics").path("Bytes Written").asLong();
    shuffleReadBytes +=
        m.path("Shuffle Read Metrics").path("Remote Bytes Read").asLong()
            + m.path("Shuffle Read Metrics").path("Local Bytes Read").asLong();
    shuffleWriteBytes += m.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong();
    memorySpilled += m.path("Memory Bytes Spilled").asLong();
    diskSpilled += m.path("Disk Bytes Spilled").asLong();
  }

  private static String stageKey(JsonNode info) {
    return info.path("Stage ID").asInt() + "." + info.path("Stage Attempt ID").asInt();
  }

  ApplicationProfile.Totals totals() {
    return new ApplicationProfile.Totals(
        jobs,
        stagesCompleted,
        tasks,
        failedTasks,
        runTimeMs,
        cpuTimeNs,
        gcTimeMs,
        inputBytes,
        outputBytes,
        shuffleReadBytes,
        shuffleWriteBytes,
        memorySpilled,
        diskSpilled);
  }
}
