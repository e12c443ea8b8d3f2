/**
 * The adapter: one runnable jar with the MCP server ({@code serve}) and the command line. It parses
 * arguments, calls the facades of the other modules and formats their results; {@link
 * io.github.dgxspark.adapter.Operations} is the one place where both front ends get their answers,
 * as JSON trees whose field names are the public contract.
 */
package io.github.dgxspark.adapter;
