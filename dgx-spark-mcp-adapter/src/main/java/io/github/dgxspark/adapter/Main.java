package io.github.dgxspark.adapter;

import io.github.dgxspark.adapter.cli.Cli;

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
    System.exit(Cli.run(args, System.out, System.err));
  }
}
