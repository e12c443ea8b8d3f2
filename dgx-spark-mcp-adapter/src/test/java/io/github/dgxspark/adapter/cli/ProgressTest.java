package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.Operations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress on standard error: the callbacks fire on real logs, the line is drawn only when asked,
 * and the commands write nothing to a standard error that is not a terminal.
 */
class ProgressTest {
  @TempDir Path dir;

  @Test
  void analyze_realLog_reportsBytesUpToTheFileSize() throws IOException {
    Path log = Fixtures.file("customshuffle_eventlog.zstd");
    List<long[]> calls = new ArrayList<>();
    Operations.analyze(
        log,
        Optional.empty(),
        Optional.empty(),
        (read, total) -> calls.add(new long[] {read, total}));
    assertTrue(!calls.isEmpty(), "no progress call");
    long size = Files.size(log);
    long[] last = calls.get(calls.size() - 1);
    assertEquals(size, last[1]);
    assertEquals(size, last[0]);
    for (int i = 1; i < calls.size(); i++) {
      assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "bytes read never go back");
    }
  }

  @Test
  void historyAdd_realLogs_reportsEachLogInTurn() {
    List<String> calls = new ArrayList<>();
    Path a = Fixtures.file("dr-elephant_event_log_1");
    Path b = Fixtures.file("rapids_join_eventlog.zstd");
    Operations.historyAdd(
        List.of(a, b),
        dir.resolve("history.json"),
        (n, count, log) -> calls.add(n + "/" + count + " " + log.getFileName()));
    assertEquals(List.of("1/2 dr-elephant_event_log_1", "2/2 rapids_join_eventlog.zstd"), calls);
  }

  @Test
  void progress_shown_redrawsOneLineAndEndsIt() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), true);
    p.reading(1, 2, Path.of("a.log"));
    p.progress(512L * 1024 * 1024, 2048L * 1024 * 1024);
    p.done();
    assertEquals(
        "\r[1/2] a.log\u001b[K\rread 512.0 MiB of 2.0 GiB (25 %)\u001b[K" + System.lineSeparator(),
        text.toString());
  }

  @Test
  void progress_hidden_writesNothing() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), false);
    p.reading(1, 2, Path.of("a.log"));
    p.progress(1, 2);
    p.done();
    assertEquals("", text.toString());
  }

  @Test
  void commands_stderrNotATerminal_writeNothingThereWithOrWithoutQuiet() {
    // the test JVM's standard error is a pipe to the build, not a terminal
    assertTrue(!TextViews.stderrIsTerminal());
    String log = Fixtures.file("customshuffle_eventlog.zstd").toString();
    for (String[] args :
        List.of(
            new String[] {"analyze", log, "--format", "json"},
            new String[] {"analyze", log, "--format", "json", "--quiet"},
            new String[] {
              "history",
              "add",
              log,
              "--history",
              dir.resolve("h.json").toString(),
              "--format",
              "json"
            },
            new String[] {
              "history",
              "add",
              log,
              "--history",
              dir.resolve("h.json").toString(),
              "--format",
              "json",
              "--quiet"
            })) {
      CliTest.Run r = CliTest.run(args);
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err(), String.join(" ", args));
    }
  }
}
