package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the hostile inputs of issue 21 against the jar in child JVMs with {@code -Xmx256m} (the
 * CLI, and the MCP server over stdio): each gets a clear one-line error or a JSON-RPC/tool error,
 * the server answers a good request afterwards, no secret of the input appears in any output, and
 * the peak heap stays under {@link #HEAP_BOUND_BYTES}. Figures (time to reject each bomb, peak heap
 * per case) are printed to standard output.
 */
class HostileInputIT {
  /** The child JVMs' heap: what the cases must fit in. */
  static final String XMX = "-Xmx256m";

  /** The peak heap every case must stay under (the -Xmx above). */
  static final long HEAP_BOUND_BYTES = 256L << 20;

  /** A Java class name or a stack frame in a message meant for people. */
  static final Pattern JAVA_NOISE =
      Pattern.compile("(?:[a-z]+\\.){2,}[A-Z]\\w*(?:Exception|Error)|\\tat |\\bat [a-z]+\\.");

  @TempDir static Path tmp;
  static Path gzipBomb;
  static Path zstdBomb;
  static Path rolling;
  static Path cut;
  static List<String> realLog;

  static Process server;
  static OutputStream serverIn;
  static final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
  static final List<JsonNode> nullIdAnswers = new CopyOnWriteArrayList<>();
  static final List<String> serverOut = new CopyOnWriteArrayList<>();
  static final StringBuffer serverErr = new StringBuffer();
  static final AtomicLong ids = new AtomicLong(1000);

  @BeforeAll
  static void setUp() throws Exception {
    realLog = HostileInputs.lines(Fixtures.file("rapids_join_eventlog.zstd"));
    gzipBomb = HostileInputs.gzipBomb(tmp.resolve("bomb.json.gz"));
    zstdBomb = HostileInputs.zstdBomb(tmp.resolve("bomb.zstd"));
    rolling = HostileInputs.rollingWithoutPart2(tmp, realLog);
    cut = HostileInputs.cutLog(tmp.resolve("cut.json"), realLog);
    server =
        child("serve", "--allow-dir", tmp.toString())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    serverIn = server.getOutputStream();
    Thread out =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  serverOut.add(line);
                  JsonNode m = Json.MAPPER.readTree(line);
                  if (m.path("id").isNull()) {
                    nullIdAnswers.add(m);
                  } else if (m.has("id")) {
                    answers.put(m.path("id").asText(), m);
                  }
                }
              } catch (IOException e) {
                // the server ended
              }
            });
    out.setDaemon(true);
    out.start();
    Thread err =
        new Thread(
            () -> {
              try {
                serverErr.append(
                    new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                // the server ended
              }
            });
    err.setDaemon(true);
    err.start();
    ObjectNode params = Json.object();
    params.put("protocolVersion", "2025-11-25");
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "HostileInputIT").put("version", "1");
    request("initialize", params);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterAll
  static void tearDown() throws Exception {
    serverIn.close();
    assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server exits when stdin closes");
    long peak = peak(serverErr.toString());
    System.out.printf(Locale.ROOT, "[hostile] MCP server: peak heap %d MiB%n", peak >> 20);
    assertTrue(peak > 0 && peak < HEAP_BOUND_BYTES, "server peak heap " + peak);
    for (String line : serverOut) {
      for (String secret : HostileInputs.SECRETS) {
        assertFalse(line.contains(secret), "secret " + secret + " in " + line);
      }
    }
  }

  // ---- the CLI, one child JVM per case

  @Test
  void cli_devZeroFifoAndBombs_oneClearLineUnderTheHeapBound() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    String[][] cases = {
      {"analyze", "/dev/zero"},
      {"validate", "/dev/zero"},
      {"validate", fifo.toString()},
      {"hardware", "--hardware", "/dev/zero"},
      {"hardware", "--nvidia-smi", fifo.toString()},
      {"analyze", gzipBomb.toString()},
      {"analyze", zstdBomb.toString()},
    };
    for (String[] args : cases) {
      Cli r = cli(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r);
      assertEquals("", r.out(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), "one line: " + r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
      assertFalse(JAVA_NOISE.matcher(r.err()).find(), "no Java names: " + r.err());
      assertFalse(r.err().contains("does not exist"), r.err());
    }
  }

  @Test
  void cli_twoHundredMegabyteLine_skippedAndNamedUnderTheHeapBound() throws Exception {
    Path log = HostileInputs.longLineLog(tmp.resolve("long-line.json"), realLog, 200 << 20);
    try {
      Cli r = cli("analyze", log.toString());
      assertEquals(0, r.code(), r.toString());
      assertTrue(
          r.out().contains("warning: 1 line(s) longer than the 64 MiB line limit were skipped"),
          r.out());
      assertTrue(r.out().contains("id             local-1622814619968"), r.out());
    } finally {
      Files.delete(log);
    }
  }

  // ---- the MCP server: one child JVM for all

  @Test
  void mcp_idsBeyondLongOrNotStringOrInteger_invalidRequestAndStillServing() throws Exception {
    List<String> bad =
        List.of(
            "9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "null",
            "{\"a\":1}",
            "true",
            "1e3");
    int before = nullIdAnswers.size();
    for (String id : bad) {
      send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
    }
    assertTrue(request("ping", null).has("result"), "answers a good request afterwards");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (nullIdAnswers.size() < before + bad.size() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<JsonNode> got = new ArrayList<>(nullIdAnswers.subList(before, nullIdAnswers.size()));
    assertEquals(bad.size(), got.size(), "one -32600 per bad id: " + got);
    got.forEach(a -> assertEquals(-32600, a.path("error").path("code").asInt(), a.toString()));
  }

  @Test
  void mcp_secretsInConfig_neverInRecommendationsOrValidation() throws Exception {
    ObjectNode args = Json.object();
    args.put("profile", "dgx-h100");
    args.put("workloadType", "etl");
    args.set("config", Json.tree(HostileInputs.secretConfig()));
    JsonNode recs = call("generate_recommendations", args);
    assertFalse(recs.path("result").path("isError").asBoolean(), recs.toString());
    assertNoSecret(recs);
    JsonNode current = recs.path("result").path("structuredContent").path("current");
    assertEquals(
        "-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=*********(redacted)",
        current.path("spark.executor.extraJavaOptions").asText());
    args.remove("workloadType");
    JsonNode validation = call("validate_spark_config", args);
    assertFalse(validation.path("result").path("isError").asBoolean(), validation.toString());
    assertNoSecret(validation);
    List<String> rules = new ArrayList<>();
    for (JsonNode f : validation.path("result").path("structuredContent").path("findings")) {
      if (f.path("category").asText().equals("security")) {
        rules.add(f.path("ruleId").asText() + " " + f.path("keys").get(0).asText());
      }
    }
    assertTrue(
        rules.containsAll(
            List.of(
                "PlainTextSecret spark.hadoop.fs.azure.account.key.mystorage.blob.core.windows.net",
                "PlainTextSecret spark.authenticate.secrt",
                "SecretInValue spark.executor.extraJavaOptions",
                "SecretInValue spark.driver.extraJavaOptions",
                "SecretInValue spark.myapp.jdbc.url")),
        rules.toString());
  }

  /** Generated secrets, in every place the issue found one leaking, never come back. */
  @Test
  void mcp_generatedSecrets_neverComeBack() {
    // about 1 draw in 6 of 24 characters passes the assumption: allow 100 draws per example so the
    // property never gives up for want of inputs (it did once in 12 examples at the default 10)
    qt().withExamples(12)
        .withGenerateAttempts(100)
        .forAll(strings().betweenCodePoints('0', 'z').ofLengthBetween(8, 24))
        .assuming(s -> s.chars().noneMatch(c -> "[]\\^`".indexOf(c) >= 0))
        .checkAssert(
            secret -> {
              ObjectNode args = Json.object();
              args.put("profile", "dgx-h100");
              ObjectNode config = args.putObject("config");
              config.put("spark.hadoop.fs.azure.account.key.a" + secret.length() + ".blob", secret);
              config.put("spark.executor.extraJavaOptions", "-Dx.keyStorePassword=" + secret);
              config.put("spark.myapp.url", "jdbc:postgresql://u:" + secret + "@db/x");
              config.put("spark.authenticate.secrte", secret);
              try {
                String answer = Json.compact(call("generate_recommendations", args));
                assertFalse(answer.contains(secret), () -> secret + " in " + answer);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void mcp_bombsInTheAllowedFolder_refusedFastAndStillServing() throws Exception {
    for (Path bomb : List.of(gzipBomb, zstdBomb)) {
      ObjectNode args = Json.object().put("path", bomb.toString());
      long start = System.nanoTime();
      JsonNode r = call("analyze_event_log", args).path("result");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf(
          Locale.ROOT, "[hostile] MCP analyze_event_log %s: refused in %d ms%n", bomb, ms);
      assertTrue(r.path("isError").asBoolean(), r.toString());
      String text = r.path("content").get(0).path("text").asText();
      assertTrue(text.contains("compression bomb"), text);
      assertTrue(ms < 30_000, ms + " ms");
    }
    assertTrue(request("ping", null).has("result"));
  }

  @Test
  void mcp_rollingLogMissingAPart_incompleteInEveryOutput() throws Exception {
    ObjectNode args = Json.object().put("path", rolling.toString());
    JsonNode a = call("analyze_event_log", args).path("result").path("structuredContent");
    assertFalse(a.path("application").path("complete").asBoolean(true), a.toString());
    assertEquals("[2]", a.path("parseStats").path("missingChunks").toString());
    assertTrue(a.path("logWarnings").get(0).asText().contains("part(s) 2 are missing"));
    args.put("executors", 4);
    JsonNode s = call("predict_scaling", args).path("result").path("structuredContent");
    assertFalse(s.path("complete").asBoolean(true), s.toString());
    assertEquals("[2]", s.path("missingChunks").toString());
    assertTrue(s.path("logWarnings").get(0).asText().contains("part(s) 2 are missing"));
  }

  @Test
  void mcp_cutLog_partialProfileWithBottlenecksUnavailable() throws Exception {
    JsonNode r =
        call("analyze_event_log", Json.object().put("path", cut.toString())).path("result");
    assertFalse(r.path("isError").asBoolean(), r.toString());
    JsonNode a = r.path("structuredContent");
    assertEquals("local-1622814619968", a.path("application").path("id").asText());
    assertTrue(a.path("bottlenecksUnavailable").asText().contains("no task"), a.toString());
  }

  // ---- helpers

  record Cli(int code, String out, String err, long peakHeapBytes, long millis) {}

  static ProcessBuilder child(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(XMX);
    cmd.add("-cp");
    cmd.add(
        JarProcess.jar()
            + java.io.File.pathSeparator
            + PeakHeap.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    cmd.add(PeakHeap.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  static Cli cli(String... args) throws Exception {
    long start = System.nanoTime();
    Process p =
        child(args)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[][] streams = new byte[2][];
    Thread err =
        new Thread(
            () -> {
              try {
                streams[1] = p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                streams[1] = new byte[0];
              }
            });
    err.start();
    streams[0] = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "finishes: " + List.of(args));
    err.join();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String allErr = new String(streams[1], StandardCharsets.UTF_8);
    long peak = peak(allErr);
    String errLines =
        allErr
            .lines()
            .filter(l -> !l.startsWith(PeakHeap.MARK))
            .map(l -> l + "\n")
            .reduce("", String::concat);
    System.out.printf(
        Locale.ROOT,
        "[hostile] CLI %s: exit %d in %d ms, peak heap %d MiB%n",
        String.join(" ", args).replace(tmp.toString(), "$TMP"),
        p.exitValue(),
        ms,
        peak >> 20);
    assertTrue(peak > 0 && peak < HEAP_BOUND_BYTES, "peak heap " + peak);
    return new Cli(
        p.exitValue(), new String(streams[0], StandardCharsets.UTF_8), errLines, peak, ms);
  }

  static long peak(String stderr) {
    return stderr
        .lines()
        .filter(l -> l.startsWith(PeakHeap.MARK))
        .mapToLong(l -> Long.parseLong(l.substring(PeakHeap.MARK.length()).trim()))
        .findFirst()
        .orElse(-1);
  }

  static synchronized void send(String line) throws IOException {
    serverIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    serverIn.flush();
  }

  static JsonNode request(String method, JsonNode params) throws Exception {
    long id = ids.incrementAndGet();
    ObjectNode m = Json.object();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("method", method);
    if (params != null) {
      m.set("params", params);
    }
    send(Json.compact(m));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      JsonNode r = answers.remove(Long.toString(id));
      if (r != null) {
        return r;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no answer to " + method + " within 90 s");
  }

  static JsonNode call(String tool, JsonNode args) throws Exception {
    ObjectNode params = Json.object();
    params.put("name", tool);
    params.set("arguments", args);
    return request("tools/call", params);
  }

  static void assertNoSecret(JsonNode answer) {
    String text = Json.compact(answer);
    for (String secret : HostileInputs.SECRETS) {
      assertFalse(text.contains(secret), "secret " + secret + " in " + text);
    }
  }
}
