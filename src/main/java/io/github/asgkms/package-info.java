/**
 * The plain-Java core of asg-kms-maven-plugin, which knows nothing of Maven. Data flows one
 * way: {@code spec} (YAML to a validated model), {@code plan} (the AWS rules), {@code render}
 * (Freemarker templates) and {@code output} (files on disk).
 */
package io.github.asgkms;
