/**
 * The MCP server over stdio on the official MCP Java SDK: the tools, their JSON schemas, the
 * resources, the guard that keeps the SDK's transport alive through malformed input, and the
 * allowed-directory sandbox for tools that read files. Entry point {@link
 * io.github.dgxspark.adapter.mcp.McpServerApp}.
 */
package io.github.dgxspark.adapter.mcp;
