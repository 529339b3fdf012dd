package io.github.asgkms.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every change the output directory's writer makes to the disk goes through here, one
 * operation at a time, each failure named ({@link FileOperationException}). A test can make the
 * n-th operation fail, or stop the run there as a crash would, to prove that a failure or a
 * crash at any point leaves the directory old or new. A real run never does either.
 */
final class Disk {
  private static final Set<StandardOpenOption> CREATE_NEW =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final int failAt;
  private final int crashAt;
  private int operations;

  /** The disk as it is. */
  Disk() {
    this(-1, -1);
  }

  /**
   * A disk whose operation number {@code failAt} (from 0) fails with an I/O error, and whose
   * operation number {@code crashAt} stops the run with a {@link SimulatedCrash}, which
   * nothing catches; -1 for never.
   */
  Disk(int failAt, int crashAt) {
    this.failAt = failAt;
    this.crashAt = crashAt;
  }

  /** How many operations were made so far. */
  int operations() {
    return operations;
  }

  void createFolder(Path folder) throws IOException {
    try {
      next();
      Files.createDirectory(folder);
    } catch (IOException e) {
      throw FileOperationException.of("create the folder", folder, e);
    }
  }

  /**
   * A new file; it must not exist yet, and a link in its place is not followed. It gets the
   * permissions of any new file: read and write as the process's umask allows.
   */
  void write(Path file, byte[] content) throws IOException {
    try {
      next();
      try (SeekableByteChannel channel = Files.newByteChannel(file, CREATE_NEW)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      throw FileOperationException.of("write", file, e);
    }
  }

  /**
   * Sets a file's permission bits ({@link Modes}), without following a link in its place.
   * Nothing happens on a file system without POSIX permissions.
   */
  void setMode(Path file, int mode) throws IOException {
    try {
      next();
      PosixFileAttributeView view = Files.getFileAttributeView(file,
          PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view != null && mode != Modes.UNKNOWN) {
        view.setPermissions(Modes.permissions(mode));
      }
    } catch (IOException e) {
      throw FileOperationException.of("set the permissions of", file, e);
    }
  }

  /**
   * Renames {@code from} to {@code to} in one step, replacing what {@code to} names (a link
   * there is replaced, never followed). Both are in the output directory, on one file system.
   */
  void move(Path from, Path to) throws IOException {
    try {
      next();
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw FileOperationException.of("move " + from + " to", to, e);
    }
  }

  /**
   * A second name for a file, as a hard link; false where the file system has none, and
   * nothing is changed then.
   */
  boolean link(Path link, Path existing) throws IOException {
    try {
      next();
      Files.createLink(link, existing);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    } catch (FileSystemException e) {
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        throw FileOperationException.of("link " + existing + " as", link, e);
      }
      return false; // EPERM, EXDEV, EMLINK...: the caller moves the file instead
    } catch (IOException e) {
      throw FileOperationException.of("link " + existing + " as", link, e);
    }
  }

  /** Deletes a file, a link (not what it points to) or an empty folder. */
  void delete(Path path) throws IOException {
    try {
      next();
      Files.delete(path);
    } catch (IOException e) {
      throw FileOperationException.of("delete", path, e);
    }
  }

  /** Deletes a folder if it is empty; false if it is not. */
  boolean deleteIfEmpty(Path folder) throws IOException {
    try {
      next();
      Files.delete(folder);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    } catch (IOException e) {
      throw FileOperationException.of("delete the folder", folder, e);
    }
  }

  private void next() throws IOException {
    int operation = operations++;
    if (operation == crashAt) {
      throw new SimulatedCrash();
    }
    if (operation == failAt) {
      throw new IOException("injected failure of operation " + failAt);
    }
  }

  /** A run stopped dead, as by kill -9: an Error, so that no clean-up code catches it. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }
}
