/**
 * The command line (picocli): {@link io.github.dgxspark.adapter.cli.Cli#run} parses a command,
 * calls {@link io.github.dgxspark.adapter.Operations} and prints the JSON tree or a text table made
 * from it. Exit codes 0, 1 ({@code validate} found an {@code ERROR}) and 2 (bad usage or input, one
 * line on standard error).
 */
package io.github.dgxspark.adapter.cli;
