package io.github.dgxspark.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the shaded jar ({@code dgxspark.mcp.jar}, set by failsafe) as a real process. */
public final class JarProcess {
  private JarProcess() {}

  /**
   * The shaded jar.
   *
   * @return its path
   */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("dgxspark.mcp.jar", "target/dgx-spark-mcp.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run the package phase first");
    }
    return jar;
  }

  /**
   * A process builder for {@code java -jar dgx-spark-mcp.jar ARGS}.
   *
   * @param args the jar's arguments
   * @return the builder
   */
  public static ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /** What a finished CLI run printed. */
  public record Result(int code, String out, String err) {}

  /**
   * Runs the jar to completion with empty standard input.
   *
   * @param args the jar's arguments
   * @return exit code and output
   * @throws Exception if it cannot start or takes more than 2 minutes
   */
  public static Result run(String... args) throws Exception {
    Process p = builder(args).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
    byte[][] streams = new byte[2][];
    Thread err = new Thread(() -> streams[1] = readAll(p.getErrorStream()));
    err.start();
    streams[0] = readAll(p.getInputStream());
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("jar did not finish: " + List.of(args));
    }
    err.join();
    return new Result(
        p.exitValue(),
        new String(streams[0], StandardCharsets.UTF_8),
        new String(streams[1], StandardCharsets.UTF_8));
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
