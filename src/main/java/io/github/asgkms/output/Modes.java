package io.github.asgkms.output;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file's permission bits, as the nine low bits of a Unix mode, and the one fact about them
 * the plugin owns: whether a file is executable. As git does, a file is executable when its
 * owner may execute it. Making a file executable gives execute wherever it gives read, so a
 * script is as executable as the user's umask lets files be readable. On a file system with no
 * POSIX permissions (Windows) nothing is known or set: {@link #UNKNOWN}.
 */
final class Modes {
  /** The mode of a file on a file system without POSIX permissions. */
  static final int UNKNOWN = -1;
  private static final int READ = 0444;
  private static final int EXECUTE = 0111;
  private static final int OWNER_EXECUTE = 0100;
  /** In the order of their bits, highest first: owner read is 0400. */
  private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE};

  private Modes() {}

  static boolean supported(FileSystem fileSystem) {
    return fileSystem == FileSystems.getDefault() ? DefaultFileSystem.POSIX
        : fileSystem.supportedFileAttributeViews().contains("posix");
  }

  static int of(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int i = 0; i < BITS.length; i++) {
      if (permissions.contains(BITS[i])) {
        mode |= 1 << (BITS.length - 1 - i);
      }
    }
    return mode;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & 1 << (BITS.length - 1 - i)) != 0) {
        permissions.add(BITS[i]);
      }
    }
    return permissions;
  }

  static boolean isExecutable(int mode) {
    return mode != UNKNOWN && (mode & OWNER_EXECUTE) != 0;
  }

  /** Whether a file of that mode must change to be as executable as {@code executable}. */
  static boolean differs(int mode, boolean executable) {
    return mode != UNKNOWN && isExecutable(mode) != executable;
  }

  /** Execute wherever {@code mode} gives read, or nowhere; the other bits unchanged. */
  static int as(int mode, boolean executable) {
    return executable ? mode | (mode & READ) >> 2 : mode & ~EXECUTE;
  }

  static String octal(int mode) {
    return Integer.toOctalString(mode);
  }

  /** Asked once: the answer does not change while the JVM runs. */
  private static final class DefaultFileSystem {
    static final boolean POSIX =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
