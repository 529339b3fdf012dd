package io.github.asgkms.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One format's files by account folder ({@link io.github.asgkms.render.OutputPaths#folder}:
 * the first two levels of a path), each folder's in their order: readers take each folder's
 * files from here rather than scan every file of the format once per account.
 */
final class AccountFolders {
  private final Map<String, Map<String, String>> byFolder = new LinkedHashMap<>();

  /** @param files text by path, the paths starting with the format's folder */
  AccountFolders(Map<String, String> files) {
    files.forEach((path, text) -> {
      int format = path.indexOf('/');
      int account = format < 0 ? -1 : path.indexOf('/', format + 1);
      if (account >= 0) {
        byFolder.computeIfAbsent(path.substring(0, account + 1), f -> new LinkedHashMap<>())
            .put(path, text);
      }
    });
  }

  /** Every file whose path starts with the folder, which ends with a slash, nested ones too. */
  Map<String, String> in(String folder) {
    return byFolder.getOrDefault(folder, Map.of());
  }
}
