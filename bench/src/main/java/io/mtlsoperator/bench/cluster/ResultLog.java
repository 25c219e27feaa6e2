package io.mtlsoperator.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints results as they come and appends them, as Markdown, to results.md in the output directory. */
final class ResultLog {

  private final Path file;

  ResultLog(Path file) {
    this.file = file;
    try {
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to create " + file, e);
    }
  }

  Path file() {
    return file;
  }

  void heading(String title) {
    write("\n### " + title + "\n");
  }

  /** Writes one Markdown line; a line that starts with "- " is a list item. */
  void line(String format, Object... arguments) {
    write(String.format(format, arguments));
  }

  private synchronized void write(String text) {
    System.out.println(text);
    try {
      Files.writeString(file, text + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to append to " + file, e);
    }
  }
}
