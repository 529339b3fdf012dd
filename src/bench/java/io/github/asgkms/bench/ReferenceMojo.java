package io.github.asgkms.bench;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The reference plugin's one goal: it starts Freemarker and Jackson ({@link LibrariesStart})
 * and does nothing else. A generating build of this plugin is measured against a build of
 * that one: what is left is the plugin's own work. Built by {@link ReferencePlugin} into the
 * harness's repository only; never shipped.
 */
public final class ReferenceMojo extends AbstractMojo {
  @Override
  public void execute() throws MojoExecutionException {
    try {
      getLog().debug("reference: " + LibrariesStart.run());
    } catch (Exception e) {
      throw new MojoExecutionException("the libraries did not start", e);
    }
  }
}
