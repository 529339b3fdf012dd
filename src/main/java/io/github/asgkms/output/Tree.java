package io.github.asgkms.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is at a path under the output directory, found without following a symbolic link:
 * every folder on the way is looked at itself, so a link to elsewhere is seen as a link and
 * never gone through. Folders are looked at once per run.
 */
final class Tree {
  private static final Set<OpenOption> READ_NO_FOLLOW =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  /** What a path is. */
  enum Kind {
    ABSENT,
    FILE,
    FOLDER,
    LINK,
    /** A FIFO, socket or device: never opened, since opening a FIFO waits for a writer. */
    SPECIAL,
    /** A folder on the way is a symbolic link ({@link Entry#through}). */
    LINKED_FOLDER,
    /** Something on the way that should be a folder is not ({@link Entry#through}). */
    NOT_A_FOLDER
  }

  /**
   * @param kind what is there
   * @param size a file's size in bytes
   * @param through for a path behind a link or a non-folder, that entry, relative
   * @param mode a file's permission bits ({@link Modes}); {@link Modes#UNKNOWN} for anything
   *     else, and on a file system without POSIX permissions
   */
  record Entry(Kind kind, long size, String through, int mode) {
    static final Entry ABSENT = new Entry(Kind.ABSENT, 0, null, Modes.UNKNOWN);
    static final Entry FOLDER = new Entry(Kind.FOLDER, 0, null, Modes.UNKNOWN);
    static final Entry LINK = new Entry(Kind.LINK, 0, null, Modes.UNKNOWN);
    static final Entry SPECIAL = new Entry(Kind.SPECIAL, 0, null, Modes.UNKNOWN);

    Entry(Kind kind, long size, String through) {
      this(kind, size, through, Modes.UNKNOWN);
    }
  }

  private final Path root;
  private final Map<String, Entry> folders = new HashMap<>();

  Tree(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** What is at {@code relative}, a path with {@code /} separators. */
  Entry at(String relative) throws IOException {
    int slash = relative.lastIndexOf('/');
    if (slash > 0) {
      Entry parent = folder(relative.substring(0, slash));
      if (parent.kind() != Kind.FOLDER) {
        return parent.kind() == Kind.ABSENT ? Entry.ABSENT : parent;
      }
    }
    return lstat(root.resolve(relative));
  }

  /** A folder on the way, as the paths under it see it. */
  private Entry folder(String relative) throws IOException {
    Entry known = folders.get(relative);
    if (known != null) {
      return known;
    }
    Entry entry;
    int slash = relative.lastIndexOf('/');
    Entry parent = slash > 0 ? folder(relative.substring(0, slash)) : Entry.FOLDER;
    if (parent.kind() != Kind.FOLDER) {
      entry = parent;
    } else {
      Entry own = lstat(root.resolve(relative));
      entry = switch (own.kind()) {
        case FOLDER, ABSENT -> own;
        case LINK -> new Entry(Kind.LINKED_FOLDER, 0, relative);
        default -> new Entry(Kind.NOT_A_FOLDER, 0, relative);
      };
    }
    folders.put(relative, entry);
    return entry;
  }

  /** What is at {@code path} itself; a link is a link, whatever it points to. */
  static Entry lstat(Path path) throws IOException {
    boolean posix = Modes.supported(path.getFileSystem());
    BasicFileAttributes attributes;
    try {
      // One stat either way: the POSIX attributes only add the permission bits.
      attributes = posix
          ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Entry.ABSENT;
    } catch (IOException e) {
      throw FileOperationException.of("look at", path, e);
    }
    if (attributes.isSymbolicLink()) {
      return Entry.LINK;
    }
    if (attributes.isDirectory()) {
      return Entry.FOLDER;
    }
    if (attributes.isRegularFile()) {
      int mode = posix ? Modes.of(((PosixFileAttributes) attributes).permissions())
          : Modes.UNKNOWN;
      return new Entry(Kind.FILE, attributes.size(), null, mode);
    }
    return Entry.SPECIAL;
  }

  /**
   * The bytes of a regular file, read only after it was seen to be one, without following a
   * link in its place and never more than {@code max}: null when it holds more.
   */
  static byte[] read(Path file, long max) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file, READ_NO_FOLLOW)) {
      long size = channel.size();
      if (size > max) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
      while (channel.read(buffer) > 0) {
        if (buffer.position() > size) { // it grew while we read
          return null;
        }
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return bytes;
    } catch (IOException e) {
      throw FileOperationException.of("read", file, e);
    }
  }

  /** Whether a folder holds nothing. */
  static boolean isEmptyFolder(Path folder) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      throw FileOperationException.of("list", folder, e);
    }
  }
}
