package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An I/O failure that says which file, what was being done to it and why: "cannot write
 * /repo/generated/terraform/x.tf: No space left on device". Java's own exceptions often carry
 * only one of the three, such as a bare path.
 */
public final class FileOperationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final transient Path file;

  private FileOperationException(String operation, Path file, String reason, Throwable cause) {
    super("cannot " + operation + " " + file + ": " + reason, cause);
    this.operation = operation;
    this.file = file;
  }

  /** {@code failure}, named; one that is named already is returned as it is. */
  static FileOperationException of(String operation, Path file, IOException failure) {
    if (failure instanceof FileOperationException named) {
      return named;
    }
    return new FileOperationException(operation, file, reason(failure), failure);
  }

  /** A failure found by the plugin itself rather than reported by the system. */
  static FileOperationException because(String operation, Path file, String reason) {
    return new FileOperationException(operation, file, reason, null);
  }

  public String operation() {
    return operation;
  }

  public Path file() {
    return file;
  }

  /** Why, in words: the system's reason where it gives one, else what the exception means. */
  static String reason(IOException failure) {
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (failure instanceof FileAlreadyExistsException) {
      return "something is already there";
    }
    if (failure instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (failure instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (failure instanceof FileSystemLoopException) {
      return "a loop of symbolic links";
    }
    if (failure instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
