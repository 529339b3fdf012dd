/**
 * The AWS rules: from a validated spec to the statements, grants and policies each account
 * needs. Pure: no I/O, no templates, no output format.
 */
package io.github.asgkms.plan;
