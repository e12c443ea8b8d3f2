package io.github.dgxspark.models.eventlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written scanner for the hot lines of an event log, Spark's own task end and task start
 * events, which are most of a log's bytes. It reads the few fields the profile needs straight from
 * the bytes and walks everything else only structurally (strings, nesting), so it never decodes the
 * field names that dominate a streaming parser's time. It accepts only the plain shape Spark writes
 * (no escapes in names, integer values, a successful end reason); on anything else it answers false
 * and the caller streams the line with Jackson, which also judges malformed lines.
 */
final class TaskEndScanner {
  private static final byte[] STAGE_ID = key("Stage ID");
  private static final byte[] STAGE_ATTEMPT = key("Stage Attempt ID");
  private static final byte[] END_REASON = key("Task End Reason");
  private static final byte[] REASON = key("Reason");
  private static final byte[] SUCCESS = key("Success");
  private static final byte[] TASK_INFO = key("Task Info");
  private static final byte[] LAUNCH_TIME = key("Launch Time");
  private static final byte[] FINISH_TIME = key("Finish Time");
  private static final byte[] TASK_METRICS = key("Task Metrics");
  private static final byte[] ACCUMULABLES = key("Accumulables");
  private static final byte[] METRICS_FIELD = key(",\"Task Metrics\":");
  private static final byte[] RUN_TIME = key("Executor Run Time");
  private static final byte[] CPU_TIME = key("Executor CPU Time");
  private static final byte[] GC_TIME = key("JVM GC Time");
  private static final byte[] MEMORY_SPILLED = key("Memory Bytes Spilled");
  private static final byte[] DISK_SPILLED = key("Disk Bytes Spilled");
  private static final byte[] INPUT = key("Input Metrics");
  private static final byte[] OUTPUT = key("Output Metrics");
  private static final byte[] SHUFFLE_READ = key("Shuffle Read Metrics");
  private static final byte[] SHUFFLE_WRITE = key("Shuffle Write Metrics");
  private static final byte[] BYTES_READ = key("Bytes Read");
  private static final byte[] BYTES_WRITTEN = key("Bytes Written");
  private static final byte[] REMOTE_READ = key("Remote Bytes Read");
  private static final byte[] LOCAL_READ = key("Local Bytes Read");
  private static final byte[] SHUFFLE_WRITTEN = key("Shuffle Bytes Written");

  /** Thrown inside the scanner when the line leaves the expected shape; never escapes it. */
  private static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Mismatch INSTANCE = new Mismatch();

    private Mismatch() {
      super(null, null, false, false);
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long OPENS = 0x7B7B7B7B7B7B7B7BL;
  private static final long CLOSES = 0x7D7D7D7D7D7D7D7DL;

  private byte[] b;
  private int i;
  private int end;
  // the last key read: b[keyStart, keyStart + keyLength)
  private int keyStart;
  private int keyLength;

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads a successful task end of Spark's shape into {@code t} (cleared first).
   *
   * @return false when the line has another shape; {@code t} is then undefined
   */
  boolean taskEnd(byte[] buf, int off, int len, TaskEnd t) {
    b = buf;
    i = off;
    end = off + len;
    t.clear();
    try {
      expect('{');
      do {
        readKey();
        if (keyIs(STAGE_ID)) {
          t.stageId = (int) readLong();
        } else if (keyIs(STAGE_ATTEMPT)) {
          t.stageAttempt = (int) readLong();
        } else if (keyIs(END_REASON)) {
          endReason(t);
        } else if (keyIs(TASK_INFO) && peek() == '{') {
          if (taskInfo(t)) {
            // jumped over the accumulables and executor metric peaks into the task metrics
            t.hasMetrics = true;
            metrics(t);
            return closesLine();
          }
        } else if (keyIs(TASK_METRICS) && peek() == '{') {
          t.hasMetrics = true;
          metrics(t);
        } else {
          skipValue();
        }
      } while (nextAfterSpaces(','));
      return closesLine();
    } catch (Mismatch m) {
      return false;
    }
  }

  /**
   * Checks that a line is one JSON object of balanced strings and brackets (the check an event that
   * the profile does not use gets).
   */
  boolean wellFormedObject(byte[] buf, int off, int len) {
    b = buf;
    i = off;
    end = off + len;
    try {
      if (peek() != '{') {
        return false;
      }
      skipNested('}');
      skipSpaces();
      return i == end;
    } catch (Mismatch m) {
      return false;
    }
  }

  private boolean closesLine() throws Mismatch {
    skipSpaces();
    expect('}');
    skipSpaces();
    return i == end;
  }

  private void endReason(TaskEnd t) throws Mismatch {
    expect('{');
    readKey();
    if (!keyIs(REASON)) {
      throw Mismatch.INSTANCE;
    }
    expect('"');
    int start = i;
    skipStringBody();
    if (i - 1 - start != SUCCESS.length || !regionIs(start, SUCCESS)) {
      throw Mismatch.INSTANCE; // failures carry texts: Jackson reads them
    }
    t.reason = "Success";
    expect('}');
  }

  /**
   * Reads the task info up to its accumulables, then jumps to the task metrics: the accumulables
   * and the executor metric peaks after them are most of the line and the profile needs neither.
   * The jump lands on the last {@code ,"Task Metrics":} of the line, which the caller then requires
   * to be the line's last field.
   *
   * @return true after a jump (the cursor stands on the task metrics object), false when the task
   *     info ended without accumulables
   */
  private boolean taskInfo(TaskEnd t) throws Mismatch {
    expect('{');
    if (next('}')) {
      return false;
    }
    do {
      readKey();
      if (keyIs(LAUNCH_TIME)) {
        t.launchMillis = readLong();
      } else if (keyIs(FINISH_TIME)) {
        t.finishMillis = readLong();
      } else if (keyIs(ACCUMULABLES) && peek() == '[') {
        int metrics = lastIndexOf(METRICS_FIELD, i);
        if (metrics < 0) {
          throw Mismatch.INSTANCE;
        }
        i = metrics + METRICS_FIELD.length;
        skipSpaces();
        if (peek() != '{') {
          throw Mismatch.INSTANCE;
        }
        return true;
      } else {
        skipValue();
      }
    } while (nextAfterSpaces(','));
    expect('}');
    return false;
  }

  private int lastIndexOf(byte[] needle, int from) {
    for (int k = end - needle.length; k >= from; k--) {
      if (b[k] == needle[0] && regionIs(k, needle)) {
        return k;
      }
    }
    return -1;
  }

  private void metrics(TaskEnd t) throws Mismatch {
    expect('{');
    if (next('}')) {
      return;
    }
    do {
      readKey();
      if (keyIs(RUN_TIME)) {
        t.runTimeMs = readLong();
      } else if (keyIs(CPU_TIME)) {
        t.cpuTimeNs = readLong();
      } else if (keyIs(GC_TIME)) {
        t.gcTimeMs = readLong();
      } else if (keyIs(MEMORY_SPILLED)) {
        t.memoryBytesSpilled = readLong();
      } else if (keyIs(DISK_SPILLED)) {
        t.diskBytesSpilled = readLong();
      } else if ((keyIs(INPUT) || keyIs(OUTPUT) || keyIs(SHUFFLE_READ) || keyIs(SHUFFLE_WRITE))
          && peek() == '{') {
        subMetrics(t);
      } else {
        skipValue();
      }
    } while (nextAfterSpaces(','));
    expect('}');
  }

  private void subMetrics(TaskEnd t) throws Mismatch {
    expect('{');
    if (next('}')) {
      return;
    }
    do {
      readKey();
      if (keyIs(BYTES_READ)) {
        t.inputBytes = readLong();
      } else if (keyIs(BYTES_WRITTEN)) {
        t.outputBytes = readLong();
      } else if (keyIs(REMOTE_READ)) {
        t.remoteReadBytes = readLong();
      } else if (keyIs(LOCAL_READ)) {
        t.localReadBytes = readLong();
      } else if (keyIs(SHUFFLE_WRITTEN)) {
        t.shuffleWriteBytes = readLong();
      } else {
        skipValue();
      }
    } while (nextAfterSpaces(','));
    expect('}');
  }

  /** Reads {@code "name":}; a name with an escape is not Spark's shape. */
  private void readKey() throws Mismatch {
    skipSpaces();
    expect('"');
    keyStart = i;
    while (true) {
      if (i >= end) {
        throw Mismatch.INSTANCE;
      }
      byte c = b[i++];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        throw Mismatch.INSTANCE;
      }
    }
    keyLength = i - 1 - keyStart;
    skipSpaces();
    expect(':');
    skipSpaces();
  }

  private boolean keyIs(byte[] name) {
    return keyLength == name.length && regionIs(keyStart, name);
  }

  private boolean regionIs(int start, byte[] name) {
    for (int k = 0; k < name.length; k++) {
      if (b[start + k] != name[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads an integer of at most 18 digits. */
  private long readLong() throws Mismatch {
    boolean negative = next('-');
    int start = i;
    long v = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (b[i++] - '0');
    }
    int digits = i - start;
    if (digits == 0 || digits > 18 || (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
      throw Mismatch.INSTANCE;
    }
    return negative ? -v : v;
  }

  private void skipValue() throws Mismatch {
    if (i >= end) {
      throw Mismatch.INSTANCE;
    }
    byte c = b[i];
    if (c == '"') {
      i++;
      skipStringBody();
    } else if (c == '{') {
      skipNested('}');
    } else if (c == '[') {
      skipNested(']');
    } else {
      // a number or true / false / null: up to the next delimiter
      int start = i;
      while (i < end && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ') {
        i++;
      }
      if (i == start) {
        throw Mismatch.INSTANCE;
      }
    }
  }

  /**
   * Skips from an opening bracket at {@code i} to just after its match, across strings. Looks at
   * eight bytes at a time for a quote or a bracket ({@code [} and {@code ]} are {@code {} and
   * {@code }} with bit 5 cleared, so one OR folds them together).
   */
  private void skipNested(char close) throws Mismatch {
    int depth = 0;
    while (true) {
      while (i + 8 <= end) {
        long x = (long) LONGS.get(b, i);
        long folded = x | 0x2020202020202020L;
        long hit = zeroBytes(x ^ QUOTES) | zeroBytes(folded ^ OPENS) | zeroBytes(folded ^ CLOSES);
        if (hit != 0) {
          i += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= end) {
        throw Mismatch.INSTANCE;
      }
      byte c = b[i++];
      if (c == '"') {
        skipStringBody();
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          if (c != close) {
            throw Mismatch.INSTANCE;
          }
          return;
        }
      }
    }
  }

  /**
   * Skips a string's body, {@code i} just after its opening quote, to after its closing one; eight
   * bytes at a time up to the next quote or backslash.
   */
  private void skipStringBody() throws Mismatch {
    while (true) {
      while (i + 8 <= end) {
        long x = (long) LONGS.get(b, i);
        long hit = zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES);
        if (hit != 0) {
          i += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= end) {
        throw Mismatch.INSTANCE;
      }
      byte c = b[i++];
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        i++;
      }
    }
  }

  /**
   * The high bit of each zero byte of {@code x} (Hacker's Delight §6-1); the lowest set bit marks
   * the first zero byte exactly, higher ones may be false.
   */
  private static long zeroBytes(long x) {
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  private void expect(char c) throws Mismatch {
    if (i >= end || b[i] != c) {
      throw Mismatch.INSTANCE;
    }
    i++;
  }

  private boolean next(char c) {
    if (i < end && b[i] == c) {
      i++;
      return true;
    }
    return false;
  }

  private boolean nextAfterSpaces(char c) {
    skipSpaces();
    return next(c);
  }

  private int peek() {
    return i < end ? b[i] : -1;
  }

  private void skipSpaces() {
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
  }
}
