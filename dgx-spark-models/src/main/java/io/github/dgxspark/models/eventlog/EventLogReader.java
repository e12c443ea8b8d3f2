package io.github.dgxspark.models.eventlog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.models.ModelsException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one streaming pass over a log's parts: splits the bytes into lines and feeds a {@link
 * ProfileBuilder}. Task ends and task starts, most of a log's bytes, go first to the {@link
 * TaskEndScanner}; every other line, and any hot line the scanner declines, is read with Jackson's
 * streaming parser (task, stage and job events token by token, the rare others as trees).
 */
final class EventLogReader {
  /** Lines that may open a log without a single event before it is called "not an event log". */
  private static final int MAX_LEADING_GARBAGE_LINES = 100;

  private static final long PROGRESS_STEP_BYTES = 4L << 20;
  private static final int INITIAL_BUFFER_BYTES = 1 << 20;

  /**
   * The hot path's factory: it canonicalises field names, so its symbol table must hold only the
   * few hundred names of the streamed events.
   */
  private static final JsonFactory JSON = factory().build();

  /**
   * The rare events' tree reader, on its own factory and so its own symbol table: an environment
   * update alone carries thousands of one-off names (Hadoop and system properties, class path
   * entries), which would crowd the hot path's table into slow overflow lookups.
   */
  private static final ObjectMapper TREES =
      new ObjectMapper(factory().build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private static final byte[] TASK_END =
      "{\"Event\":\"SparkListenerTaskEnd\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TASK_START =
      "{\"Event\":\"SparkListenerTaskStart\"".getBytes(StandardCharsets.US_ASCII);

  private final LogFiles files;
  private final EventLogs.ProgressListener listener;
  private final ProfileBuilder builder;
  private final TaskEnd taskEnd = new TaskEnd();
  private final TaskEndScanner scanner = new TaskEndScanner();
  private long totalBytes;
  private long fileBytesRead;
  private long nextProgress = PROGRESS_STEP_BYTES;
  private Path part;
  private long lineNumber;

  private static JsonFactoryBuilder factory() {
    return new JsonFactoryBuilder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(EventLogs.MAX_LINE_BYTES)
                .maxNestingDepth(5000)
                .build());
  }

  EventLogReader(LogFiles files, EventLogs.ProgressListener listener) {
    this.files = files;
    this.listener = listener;
    this.builder = new ProfileBuilder(files);
  }

  ApplicationProfile read() {
    for (Path p : files.parts()) {
      try {
        totalBytes += Files.size(p);
      } catch (IOException e) {
        throw new ModelsException(
            String.format(Locale.ROOT, "event log '%s' cannot be read: %s", p, e), e);
      }
    }
    for (Path p : files.parts()) {
      part = p;
      lineNumber = 0;
      readPart(p);
    }
    listener.progress(fileBytesRead, totalBytes);
    if (builder.events() == 0) {
      throw new ModelsException(
          builder.bytes() == 0
              ? String.format(
                  Locale.ROOT,
                  totalBytes == 0
                      ? "event log '%s' is empty; expected JSON lines such as"
                          + " {\"Event\":\"SparkListenerLogStart\",...}"
                      : "event log '%s' decompresses to nothing (%d bytes that end before a"
                          + " first block); it is truncated or not a Spark event log",
                  files.root(),
                  totalBytes)
              : notAnEventLog());
    }
    return builder.build();
  }

  private String notAnEventLog() {
    return String.format(
        Locale.ROOT,
        "'%s' is not a Spark event log: none of its first %d lines is a JSON object with an"
            + " \"Event\" field (%s); expected JSON lines such as"
            + " {\"Event\":\"SparkListenerLogStart\",...}",
        files.root(),
        builder.lines(),
        String.join("; ", builder.garbageExamples()));
  }

  private void readPart(Path p) {
    byte[] buf = new byte[INITIAL_BUFFER_BYTES];
    int start = 0;
    int end = 0;
    boolean decodedAny = false;
    boolean skipping = false;
    long partFileStart = fileBytesRead;
    long partBytes = 0;
    InputStream in = null;
    try (InputStream raw = new Counting(Files.newInputStream(p))) {
      in = LogFiles.open(raw, p);
      boolean compressed = !(in instanceof BufferedInputStream);
      int scan = 0;
      while (true) {
        if (end == buf.length) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
          } else if (buf.length >= EventLogs.MAX_LINE_BYTES) {
            // drop the over-long line's bytes so far and the rest of it as it comes
            builder.overlongLine(part, lineNumber + 1);
            start = end = scan = 0;
            skipping = true;
          } else {
            buf = Arrays.copyOf(buf, Math.min(EventLogs.MAX_LINE_BYTES, buf.length * 2));
          }
        }
        int n;
        try {
          n = in.read(buf, end, buf.length - end);
        } catch (IOException e) {
          if (!decodedAny) {
            throw new ModelsException(
                String.format(
                    Locale.ROOT,
                    "event log '%s' cannot be decompressed (%s); expected plain JSON lines or a"
                        + " file Spark's zstd, lz4, snappy or gzip codec wrote",
                    p,
                    e.getMessage()),
                e);
          }
          // a compressed part cut short (a log still being written, a partial copy): keep what
          // was decoded; the cut line is garbage
          builder.garbage(part, lineNumber + 1, "compressed stream ends early: " + e.getMessage());
          break;
        }
        if (n < 0) {
          break;
        }
        decodedAny = true;
        end += n;
        partBytes += n;
        builder.addBytes(n);
        checkLimits(p, compressed, partBytes, fileBytesRead - partFileStart);
        if (skipping) {
          int nl = indexOfNewline(buf, scan, end);
          if (nl < 0) {
            start = end = scan = 0;
            progress();
            continue;
          }
          skipping = false;
          lineNumber++;
          builder.addLine();
          start = nl + 1;
          scan = start;
        }
        int nl;
        while ((nl = indexOfNewline(buf, scan, end)) >= 0) {
          line(buf, start, nl - start);
          start = nl + 1;
          scan = start;
        }
        scan = end;
        progress();
      }
      if (skipping) {
        lineNumber++;
        builder.addLine();
      } else if (end > start) {
        line(buf, start, end - start);
      }
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "event log '%s' cannot be read: %s", p, e.getMessage()), e);
    } finally {
      closeQuietly(in);
    }
  }

  /**
   * Stops a part that decompresses past {@link EventLogs#MAX_COMPRESSION_RATIO} times its file
   * bytes read so far, or a log past {@link EventLogs#MAX_DECOMPRESSED_BYTES}.
   */
  private void checkLimits(Path p, boolean compressed, long partBytes, long partFileBytes) {
    if (compressed
        && partBytes >= EventLogs.MIN_BYTES_BEFORE_RATIO_CHECK
        && partBytes > EventLogs.MAX_COMPRESSION_RATIO * Math.max(1, partFileBytes)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' decompresses to more than %d times its size (%d MiB from %d KiB"
                  + " read), far beyond what Spark's codecs reach on event logs; stopped as a"
                  + " likely compression bomb (limit: EventLogs.MAX_COMPRESSION_RATIO)",
              p,
              EventLogs.MAX_COMPRESSION_RATIO,
              partBytes >> 20,
              partFileBytes >> 10));
    }
    if (builder.bytes() > EventLogs.MAX_DECOMPRESSED_BYTES) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "event log '%s' holds more than %d GiB of JSON; stopped (limit:"
                  + " EventLogs.MAX_DECOMPRESSED_BYTES)",
              files.root(),
              EventLogs.MAX_DECOMPRESSED_BYTES >> 30));
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      // a decoder that fails on close (a cut or corrupt frame) has already given what it could
    }
  }

  /**
   * The index of the first {@code \n} in {@code buf[from, end)}, or -1. Reads eight bytes at a time
   * (the "has zero byte" bit trick of Hacker's Delight §6-1 on the bytes XOR {@code \n}), several
   * times faster than a byte loop on long lines.
   */
  static int indexOfNewline(byte[] buf, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long x = (long) LONGS.get(buf, i) ^ NEWLINES;
      long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] buf, int off, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (buf[off + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private void progress() {
    if (fileBytesRead >= nextProgress) {
      listener.progress(fileBytesRead, totalBytes);
      nextProgress = fileBytesRead + PROGRESS_STEP_BYTES;
    }
  }

  private void line(byte[] buf, int off, int len) {
    lineNumber++;
    builder.addLine();
    if (len > 0 && buf[off + len - 1] == '\r') {
      len--;
    }
    int first = off;
    int stop = off + len;
    while (first < stop && (buf[first] == ' ' || buf[first] == '\t')) {
      first++;
    }
    if (first == stop) {
      return;
    }
    try {
      event(buf, first, stop - first);
    } catch (JacksonException e) {
      builder.garbage(part, lineNumber, e.getOriginalMessage());
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "event log '%s' line %d: %s", part, lineNumber, e), e);
    }
    if (builder.events() == 0 && builder.garbageLines() >= MAX_LEADING_GARBAGE_LINES) {
      throw new ModelsException(notAnEventLog());
    }
  }

  private void event(byte[] buf, int off, int len) throws IOException {
    if (startsWith(buf, off, len, TASK_END)) {
      if (scanner.taskEnd(buf, off, len, taskEnd)) {
        builder.taskEnd(taskEnd);
        return;
      }
    } else if (startsWith(buf, off, len, TASK_START) && scanner.wellFormedObject(buf, off, len)) {
      builder.skippedEvent();
      return;
    }
    try (JsonParser p = JSON.createParser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        builder.garbage(part, lineNumber, "not a JSON object");
        return;
      }
      if (p.nextToken() != JsonToken.FIELD_NAME || !"Event".equals(p.currentName())) {
        reordered(buf, off, len);
        return;
      }
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        builder.garbage(part, lineNumber, "\"Event\" is not a string");
        return;
      }
      String type = p.getText();
      switch (type) {
        case "SparkListenerTaskEnd":
          taskEnd(p);
          return;
        case "SparkListenerStageSubmitted":
          stageEvent(p, false);
          return;
        case "SparkListenerStageCompleted":
          stageEvent(p, true);
          return;
        case "SparkListenerJobStart":
          jobStart(p);
          return;
        default:
          if (ProfileBuilder.isSkipped(type)) {
            skipRest(p);
            builder.skippedEvent();
            return;
          }
      }
      builder.event(type, TREES.readTree(buf, off, len));
    }
  }

  /**
   * An object whose first field is not {@code Event} (not Spark's own writing): rewritten with
   * {@code Event} first and read again, so that every event has one code path.
   */
  private void reordered(byte[] buf, int off, int len) throws IOException {
    JsonNode tree = TREES.readTree(buf, off, len);
    JsonNode name = tree.get("Event");
    if (name == null || !name.isTextual()) {
      builder.garbage(part, lineNumber, "no \"Event\" field");
      return;
    }
    ObjectNode first = TREES.createObjectNode();
    first.set("Event", name);
    first.setAll((ObjectNode) tree);
    byte[] bytes = TREES.writeValueAsBytes(first);
    event(bytes, 0, bytes.length);
  }

  /** A stage submitted or completed event, streamed; skips the RDD infos and accumulables. */
  private void stageEvent(JsonParser p, boolean completed) throws IOException {
    int id = -1;
    int attempt = 0;
    String name = null;
    int declaredTasks = -1;
    List<Integer> parents = null;
    long submitted = -1;
    long completion = -1;
    String failure = null;
    JsonToken tok;
    while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT || !field.equals("Stage Info")) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "Stage ID":
            id = p.getValueAsInt(-1);
            break;
          case "Stage Attempt ID":
            attempt = p.getValueAsInt();
            break;
          case "Stage Name":
            name = p.getValueAsString();
            break;
          case "Number of Tasks":
            declaredTasks = p.getValueAsInt(-1);
            break;
          case "Parent IDs":
            parents = ints(p, v);
            break;
          case "Submission Time":
            submitted = p.getValueAsLong(-1);
            break;
          case "Completion Time":
            completion = p.getValueAsLong(-1);
            break;
          case "Failure Reason":
            failure = p.getValueAsString();
            break;
          default:
            p.skipChildren();
        }
      }
    }
    closed(p, tok);
    builder.stage(
        completed, id, attempt, name, declaredTasks, parents, submitted, completion, failure);
  }

  /** A job start, streamed; skips the stage infos. */
  private void jobStart(JsonParser p) throws IOException {
    int id = -1;
    long submitted = -1;
    List<Integer> stageIds = List.of();
    Map<String, String> properties = new HashMap<>();
    JsonToken tok;
    while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "Job ID":
          id = p.getValueAsInt(-1);
          break;
        case "Submission Time":
          submitted = p.getValueAsLong(-1);
          break;
        case "Stage IDs":
          stageIds = ints(p, v);
          break;
        case "Properties":
          if (v == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              if (ProfileBuilder.JOB_PROPERTIES.contains(key)) {
                properties.put(key, p.getValueAsString());
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    closed(p, tok);
    builder.jobStart(id, submitted, stageIds, properties);
  }

  private static List<Integer> ints(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new JsonEOFException(p, null, "truncated array");
      }
      out.add(p.getValueAsInt());
      p.skipChildren();
    }
    return out;
  }

  /** Checks that the event object closed and nothing follows it. */
  private static void closed(JsonParser p, JsonToken last) throws IOException {
    if (last != JsonToken.END_OBJECT) {
      throw new JsonEOFException(p, null, "truncated event");
    }
    end(p);
  }

  /** Skips the rest of the current object and checks that nothing follows it. */
  private static void skipRest(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      if (t == null) {
        throw new JsonEOFException(p, null, "truncated object");
      }
      p.nextToken();
      p.skipChildren();
    }
    end(p);
  }

  private static void end(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "content after the event");
    }
  }

  /** Streams a task end (not in the scanner's shape) from the field after {@code Event}. */
  private void taskEnd(JsonParser p) throws IOException {
    taskEnd.clear();
    taskEndFields(p, taskEnd);
  }

  /** Streams a whole task end from the field after its opening brace. */
  private void taskEndFields(JsonParser p, TaskEnd t) throws IOException {
    JsonToken tok;
    while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_OBJECT && field.equals("Task Info")) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String info = p.currentName();
          p.nextToken();
          taskInfoField(p, t, info);
        }
      } else if (!headField(p, t, field, value)) {
        p.skipChildren();
      }
    }
    closed(p, tok);
    builder.taskEnd(t);
  }

  /** Reads a top-level task end field other than the task info; false if not one it needs. */
  private static boolean headField(JsonParser p, TaskEnd t, String field, JsonToken value)
      throws IOException {
    switch (field) {
      case "Stage ID":
        t.stageId = p.getValueAsInt(-1);
        return true;
      case "Stage Attempt ID":
        t.stageAttempt = p.getValueAsInt();
        return true;
      case "Task End Reason":
        if (value == JsonToken.START_OBJECT) {
          reason(p, t);
          return true;
        }
        return false;
      case "Task Metrics":
        if (value == JsonToken.START_OBJECT) {
          metrics(p, t);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private static void taskInfoField(JsonParser p, TaskEnd t, String field) throws IOException {
    switch (field) {
      case "Launch Time":
        t.launchMillis = p.getValueAsLong(-1);
        break;
      case "Finish Time":
        t.finishMillis = p.getValueAsLong(-1);
        break;
      default:
        p.skipChildren();
    }
  }

  private static void reason(JsonParser p, TaskEnd t) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "Reason":
          t.reason = p.getValueAsString();
          break;
        case "Class Name":
          t.failureClass = p.getValueAsString();
          break;
        case "Description":
        case "Message":
        case "Loss Reason":
        case "Kill Reason":
          if (t.failureText == null) {
            t.failureText = p.getValueAsString();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static void metrics(JsonParser p, TaskEnd t) throws IOException {
    t.hasMetrics = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "Executor Run Time":
          t.runTimeMs = p.getValueAsLong();
          break;
        case "Executor CPU Time":
          t.cpuTimeNs = p.getValueAsLong();
          break;
        case "JVM GC Time":
          t.gcTimeMs = p.getValueAsLong();
          break;
        case "Memory Bytes Spilled":
          t.memoryBytesSpilled = p.getValueAsLong();
          break;
        case "Disk Bytes Spilled":
          t.diskBytesSpilled = p.getValueAsLong();
          break;
        case "Input Metrics":
        case "Output Metrics":
        case "Shuffle Read Metrics":
        case "Shuffle Write Metrics":
          if (value == JsonToken.START_OBJECT) {
            subMetrics(p, t);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static void subMetrics(JsonParser p, TaskEnd t) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "Bytes Read":
          t.inputBytes = p.getValueAsLong();
          break;
        case "Bytes Written":
          t.outputBytes = p.getValueAsLong();
          break;
        case "Remote Bytes Read":
          t.remoteReadBytes = p.getValueAsLong();
          break;
        case "Local Bytes Read":
          t.localReadBytes = p.getValueAsLong();
          break;
        case "Shuffle Bytes Written":
          t.shuffleWriteBytes = p.getValueAsLong();
          break;
        default:
          p.skipChildren();
      }
    }
  }

  /** Counts the file bytes read, for progress. */
  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        fileBytesRead++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        fileBytesRead += n;
      }
      return n;
    }
  }
}
