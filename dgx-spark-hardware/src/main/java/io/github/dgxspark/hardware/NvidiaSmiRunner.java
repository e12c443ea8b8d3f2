package io.github.dgxspark.hardware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code nvidia-smi} with a fixed argument list (never through a shell), a time limit, and
 * stderr captured. Failures are returned, never thrown: a missing tool or device is not an error.
 */
final class NvidiaSmiRunner {
  /** The CSV query the probe runs; its fields are {@link CsvParser#PROBE_FIELDS}. */
  static final List<String> QUERY =
      List.of(
          "--query-gpu=" + String.join(",", CsvParser.PROBE_FIELDS),
          "--format=csv,noheader,nounits");

  private final String executable;
  private final long timeoutMillis;

  NvidiaSmiRunner(String executable, long timeoutMillis) {
    this.executable = executable;
    this.timeoutMillis = timeoutMillis;
  }

  /** The outcome of one run: the stdout lines when it succeeded, else why it did not. */
  record Result(List<String> lines, String failure) {
    boolean ok() {
      return failure.isEmpty();
    }
  }

  Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    String shown = String.join(" ", command);
    Process p;
    try {
      p = new ProcessBuilder(command).start();
    } catch (IOException e) {
      return new Result(
          List.of(), "'" + executable + "' could not be started (not installed or not on PATH)");
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
      if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(
            List.of(),
            String.format(Locale.ROOT, "'%s' did not finish within %d ms", shown, timeoutMillis));
      }
      String stdout = out.get(timeoutMillis, TimeUnit.MILLISECONDS);
      String stderr = err.get(timeoutMillis, TimeUnit.MILLISECONDS);
      if (p.exitValue() != 0) {
        String why = (stderr.isBlank() ? stdout : stderr).strip();
        return new Result(
            List.of(),
            String.format(
                Locale.ROOT,
                "'%s' exited with status %d: %s",
                shown,
                p.exitValue(),
                Text.shorten(why.isEmpty() ? "(no output)" : why)));
      }
      return new Result(Text.lines(stdout), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Result(List.of(), "'" + shown + "' was interrupted");
    } catch (ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
      p.destroyForcibly();
      return new Result(List.of(), "'" + shown + "' output could not be read: " + e);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
