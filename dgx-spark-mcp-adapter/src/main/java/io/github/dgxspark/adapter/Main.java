package io.github.dgxspark.adapter;

import io.github.dgxspark.adapter.cli.Cli;
import io.github.dgxspark.adapter.mcp.McpServerApp;
import io.github.dgxspark.core.DgxSparkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point: {@code java -jar dgx-spark-mcp.jar COMMAND ...}, where {@code serve}
 * starts the MCP server on stdio and every other command is the CLI (see {@link Cli}).
 */
public final class Main {
  private Main() {}

  /**
   * Runs one command and exits with its code: 0 success, 1 {@code validate} found an {@code ERROR},
   * 2 bad usage or input.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Optional<List<Path>> serve = plainServe(args);
    if (serve.isPresent()) {
      // an MCP client pays the start-up on every session: plain serve skips building the CLI
      try {
        McpServerApp.serveStdio(serve.get());
      } catch (DgxSparkException e) {
        System.err.println("error: " + e.getMessage());
        System.exit(Cli.BAD_INPUT);
      }
      System.exit(Cli.OK);
    }
    System.exit(Cli.run(args, System.out, System.err));
  }

  /**
   * The allowed directories of {@code serve [--allow-dir DIR | --allow-dir=DIR]...}; empty for any
   * other command line (help, errors), which the CLI then parses.
   */
  static Optional<List<Path>> plainServe(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      return Optional.empty();
    }
    List<Path> dirs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String dir = null;
      if (args[i].equals("--allow-dir") && i + 1 < args.length) {
        dir = args[++i];
      } else if (args[i].startsWith("--allow-dir=")) {
        dir = args[i].substring("--allow-dir=".length());
      }
      if (dir == null || dir.isEmpty() || dir.indexOf('\0') >= 0) {
        return Optional.empty();
      }
      dirs.add(Path.of(dir));
    }
    return Optional.of(dirs);
  }
}
