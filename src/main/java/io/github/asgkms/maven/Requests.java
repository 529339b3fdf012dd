package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.render.Format;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** Maps mojo parameters to the core's request, refusing bad configuration clearly. */
final class Requests {
  private Requests() {}

  static GenerateRequest generateRequest(File basedir, File spec, File outputDirectory,
      List<String> formats) throws MojoExecutionException {
    return new GenerateRequest(spec.toPath(), label(basedir, spec), outputDirectory.toPath(),
        formats(formats), null);
  }

  /**
   * The spec's path relative to the project, with {@code /} separators, so generated headers
   * and messages are the same on every machine.
   */
  static String label(File basedir, File spec) {
    Path file = spec.toPath().toAbsolutePath().normalize();
    Path base = basedir == null ? null : basedir.toPath().toAbsolutePath().normalize();
    Path shown = base != null && file.startsWith(base) ? base.relativize(file) : file;
    return shown.toString().replace(File.separatorChar, '/');
  }

  static Set<Format> formats(List<String> names) throws MojoExecutionException {
    Set<Format> formats = EnumSet.noneOf(Format.class);
    for (String name : names == null ? List.<String>of() : names) {
      for (String part : name.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        Format format = Format.fromId(part).orElseThrow(() -> new MojoExecutionException(
            "asg-kms: unknown format '" + part.strip() + "' in <formats>/asgkms.formats;"
                + " expected any of " + Format.ids()));
        if (!format.isAvailable()) {
          throw new MojoExecutionException("asg-kms: format '" + format.id()
              + "' is not available in this version of the plugin; use terraform and/or json");
        }
        formats.add(format);
      }
    }
    if (formats.isEmpty()) {
      throw new MojoExecutionException(
          "asg-kms: <formats>/asgkms.formats is empty; expected any of " + Format.ids());
    }
    return formats;
  }
}
