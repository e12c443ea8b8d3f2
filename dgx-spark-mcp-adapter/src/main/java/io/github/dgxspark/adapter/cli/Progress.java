package io.github.dgxspark.adapter.cli;

import io.github.dgxspark.adapter.Operations;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.models.eventlog.EventLogs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Progress of long work on standard error, one line redrawn in place: which log of how many ({@code
 * qualify}, {@code history add}) or how many bytes of a log ({@code analyze}). Shown only when
 * standard error is a terminal and {@code --quiet} is not given, so pipes, files and scripts get
 * nothing.
 */
final class Progress implements Operations.QualifyProgress, EventLogs.ProgressListener {
  private final PrintWriter err;
  private final boolean show;
  private boolean drawn;

  Progress(PrintWriter err, boolean show) {
    this.err = err;
    this.show = show;
  }

  /** Progress on {@code err} unless {@code quiet} or standard error is not a terminal. */
  static Progress on(PrintWriter err, boolean quiet) {
    return new Progress(err, !quiet && TextViews.stderrIsTerminal());
  }

  @Override
  public void reading(int number, int count, Path log) {
    draw(String.format(Locale.ROOT, "[%d/%d] %s", number, count, log));
  }

  @Override
  public void progress(long bytesRead, long totalBytes) {
    draw(
        String.format(
            Locale.ROOT,
            "read %s of %s (%d %%)",
            ByteSizes.human(bytesRead),
            ByteSizes.human(totalBytes),
            totalBytes == 0 ? 100 : Math.round(100.0 * bytesRead / totalBytes)));
  }

  /** Ends the progress line, if one was drawn, so that what follows starts on a fresh line. */
  void done() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  private void draw(String line) {
    if (show) {
      // carriage return, the line, then erase what a longer earlier line left (ANSI EL)
      err.print("\r" + line + "\u001b[K");
      err.flush();
      drawn = true;
    }
  }
}
