package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stands between the client's byte stream and the SDK's stdio transport, because that transport
 * stops reading for good at the first line that is not a JSON-RPC message object (malformed JSON, a
 * batch array). Every line is checked first: a line that is not JSON gets a {@code -32700} parse
 * error, a batch, a non-object or an object that is not JSON-RPC 2.0 gets {@code -32600}, a line
 * longer than {@link #MAX_LINE_BYTES} gets {@code -32600}; only well-formed messages reach the SDK.
 * Both the SDK's messages and these errors are written to standard output one whole line at a time.
 */
final class StdioGuard {
  /** The largest message accepted: 4 MiB. */
  static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

  private static final byte[] EOF = new byte[0];

  private final InputStream client;
  private final LineOutput out;
  private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();

  StdioGuard(InputStream client, OutputStream stdout) {
    this.client = new BufferedInputStream(client);
    this.out = new LineOutput(stdout);
  }

  /** The stream the SDK reads: only checked messages, one per line. */
  InputStream toSdk() {
    return new QueueInput(lines);
  }

  /** The stream the SDK writes: passed on one whole line at a time. */
  OutputStream fromSdk() {
    return out;
  }

  /**
   * Reads the client's lines until end of input, passing on the good ones and answering the bad
   * ones; then signals end of input to the SDK.
   */
  void pump() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean oversized = false;
      int b;
      while ((b = client.read()) != -1) {
        if (b == '\n') {
          if (oversized) {
            out.writeLine(
                error(
                    null,
                    -32600,
                    String.format(
                        Locale.ROOT,
                        "Invalid Request: message longer than %d bytes; send smaller arguments",
                        MAX_LINE_BYTES)));
          } else {
            check(line.toByteArray());
          }
          line.reset();
          oversized = false;
        } else if (!oversized) {
          if (line.size() >= MAX_LINE_BYTES) {
            oversized = true;
            line.reset();
          } else {
            line.write(b);
          }
        }
      }
      if (!oversized && line.size() > 0) {
        check(line.toByteArray());
      }
    } catch (IOException e) {
      // the client went away: treat as end of input
    } finally {
      lines.add(EOF);
    }
  }

  private void check(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return;
    }
    JsonNode msg;
    try {
      msg = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      out.writeLine(error(null, -32700, "Parse error: the line is not JSON"));
      return;
    }
    if (msg == null || !msg.isObject()) {
      out.writeLine(
          error(
              null,
              -32600,
              msg != null && msg.isArray()
                  ? "Invalid Request: JSON-RPC batches are not supported; send one message per"
                      + " line"
                  : "Invalid Request: expected a JSON-RPC 2.0 message object"));
      return;
    }
    JsonNode id = msg.get("id");
    // JSON-RPC 2.0 section 4: an id is a string, a number (without a fraction) or null; null is
    // for replies that cannot name one, so a request with it is invalid too. Numbers are kept to
    // what a Java long holds: the SDK reads ids as Long, and a larger one made it stop reading.
    boolean goodId =
        id == null || id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong());
    boolean request = msg.path("method").isTextual();
    boolean response = id != null && (msg.has("result") || msg.has("error"));
    JsonNode params = msg.get("params");
    boolean goodParams = params == null || params.isObject();
    if (!"2.0".equals(msg.path("jsonrpc").asText(""))
        || !goodId
        || !(request || response)
        || !goodParams) {
      // a notification (no id) that is malformed gets no reply, as section 4.1 asks; everything
      // else gets -32600 with its id when that id is valid, else with null (section 5)
      if (id != null || !request) {
        out.writeLine(
            error(
                goodId ? id : null,
                -32600,
                goodId
                    ? "Invalid Request: expected jsonrpc \"2.0\", a string method, an optional"
                        + " string or integer id and object params"
                    : "Invalid Request: id "
                        + abbreviate(id.toString())
                        + " is not a string or an integer between -2^63 and 2^63-1"));
      }
      return;
    }
    byte[] terminated = Arrays.copyOf(raw, raw.length + 1);
    terminated[raw.length] = '\n';
    lines.add(terminated);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static byte[] error(JsonNode id, int code, String message) {
    ObjectNode o = Json.object();
    o.put("jsonrpc", "2.0");
    if (id == null) {
      o.putNull("id");
    } else {
      o.set("id", id);
    }
    ObjectNode e = o.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return Json.compact(o).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes whole lines to the real standard output, whoever writes. */
  static final class LineOutput extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineOutput(OutputStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        pending.writeTo(target);
        target.flush();
        pending.reset();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      target.flush();
    }

    synchronized void writeLine(byte[] line) throws IOException {
      target.write(line);
      target.write('\n');
      target.flush();
    }
  }

  /** An input stream over queued lines; an empty array marks the end. */
  private static final class QueueInput extends InputStream {
    private final LinkedBlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    QueueInput(LinkedBlockingQueue<byte[]> queue) {
      this.queue = queue;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos >= current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException(new IOException("interrupted while reading", e));
        }
        pos = 0;
        if (current == EOF) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
