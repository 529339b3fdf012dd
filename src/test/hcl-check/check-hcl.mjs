#!/usr/bin/env node
// check-hcl.mjs: checks generated Terraform (.tf) files with HashiCorp's own Go
// libraries, compiled to WASM and shipped on npm by the CDKTF project:
//   1. @cdktf/hcl2json parses each file (HCL native syntax, as Terraform reads it);
//   2. @cdktf/hcl-tools formats it with hclwrite.Format, the formatter behind
//      `terraform fmt`, and the file must already be byte-for-byte canonical.
//
// Usage: node check-hcl.mjs [--json-out FILE] [--stdin] [PATH...]
//   PATH      a file (checked whatever its name) or a directory (searched
//             recursively, in sorted order, for *.tf; node_modules and hidden
//             entries are skipped, as `terraform fmt -recursive` skips hidden ones)
//   --stdin   also read paths from standard input, one per line
//   --json-out FILE  write {"<path>": <hcl2json parse tree>, ...} for every file
//             that parsed, so a Java test can assert values in the parsed tree
// Exit: 0 all files pass, 1 any failure (or no .tf file at all), 2 usage error.
//
// Known gap: `terraform fmt` does a little more than hclwrite.Format: it unwraps
// interpolation-only strings ("${var.x}" -> var.x), unquotes legacy variable
// types (type = "string") and re-quotes bare block labels. Those are not checked.

import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
// Both packages are CommonJS: a default import gives their module.exports.
// Importing them starts each WASM instance's async initialisation once; every
// later call awaits that same instance, so the start-up cost is paid once.
import hcl2json from "@cdktf/hcl2json";
import hclTools from "@cdktf/hcl-tools";

const USAGE = "usage: node check-hcl.mjs [--json-out FILE] [--stdin] [PATH...]";
const MAX_DIFF_LINES = 8; // changed lines shown per file: enough to see what fmt wants, short for CI logs

function usageError(message) {
  console.error(`hcl-check: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { paths: [], jsonOut: null, stdin: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json-out") {
      if (i + 1 >= argv.length) usageError("--json-out needs a file name");
      opts.jsonOut = argv[++i];
    } else if (arg.startsWith("--json-out=")) {
      opts.jsonOut = arg.slice("--json-out=".length);
    } else if (arg === "--stdin") {
      opts.stdin = true;
    } else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === "--") {
      opts.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith("-")) {
      usageError(`unknown option ${arg}`);
    } else {
      opts.paths.push(arg);
    }
  }
  if (opts.jsonOut === "") usageError("--json-out needs a file name");
  if (opts.paths.length === 0 && !opts.stdin) usageError("no path given");
  return opts;
}

// Plain code-unit comparison, not localeCompare: the order must not depend on
// the machine's locale, so that output and --json-out are reproducible.
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function findTfFiles(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    // Symlinked directories are not followed (no loops); symlinked files are.
    if (entry.isDirectory()) findTfFiles(path, out);
    else if (entry.name.endsWith(".tf") && statSync(path).isFile()) out.push(path);
  }
}

// Returns the files to check, and failures for paths that do not exist.
function collectFiles(paths) {
  const files = [];
  const missing = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (e) {
      missing.push({ path, lines: [`cannot read: ${e.code ?? e.message}`] });
      continue;
    }
    if (stat.isDirectory()) findTfFiles(path, files);
    else files.push(path);
  }
  return { files: [...new Set(files)], missing }; // a file named twice is checked once
}

// Shows a line so that invisible differences (tabs, CR, trailing blanks) are seen.
const show = (line) => (/[\t\r]|\s$/.test(line) ? JSON.stringify(line) : line);

// A small unified-style diff of the file against its formatted text.
function shortDiff(actual, expected) {
  const a = actual.split("\n");
  const b = expected.split("\n");
  const lines = [];
  if (a.length === b.length) {
    // hclwrite.Format only changes spacing inside lines, so line counts match
    // and a line-by-line comparison shows exactly the lines it would change.
    const changed = a.map((_, i) => i).filter((i) => a[i] !== b[i]);
    lines.push(`not canonical (hclwrite.Format / terraform fmt would change it): ` +
      `${changed.length} line(s) differ, first at line ${changed[0] + 1}`);
    for (const i of changed.slice(0, MAX_DIFF_LINES)) {
      lines.push(`${i + 1}: - ${show(a[i])}`, `${i + 1}: + ${show(b[i])}`);
    }
    if (changed.length > MAX_DIFF_LINES) lines.push(`... ${changed.length - MAX_DIFF_LINES} more line(s)`);
  } else {
    // Not expected from hclwrite.Format, but be safe: show both sides from the
    // first difference on.
    let i = 0;
    while (a[i] === b[i]) i++;
    lines.push(`not canonical (hclwrite.Format / terraform fmt would change it): ` +
      `line count ${a.length} -> ${b.length}, first difference at line ${i + 1}`);
    a.slice(i, i + MAX_DIFF_LINES).forEach((l, k) => lines.push(`${i + k + 1}: - ${show(l)}`));
    b.slice(i, i + MAX_DIFF_LINES).forEach((l, k) => lines.push(`${i + k + 1}: + ${show(l)}`));
  }
  return lines;
}

// Checks one file; returns { lines: [...] } on failure, { tree } on success.
async function checkFile(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { lines: [`cannot read: ${e.code ?? e.message}`] };
  }
  const text = bytes.toString("utf8");
  // The WASM side takes JS strings; invalid UTF-8 would be silently replaced
  // by U+FFFD, so catch it here instead of checking a different text.
  if (!Buffer.from(text, "utf8").equals(bytes)) return { lines: ["not valid UTF-8"] };

  let tree;
  try {
    tree = await hcl2json.parse(path, text);
  } catch (e) {
    // Like terraform fmt, do not judge the layout of a file that does not parse.
    return { lines: [`parse error: ${e.message}`] };
  }
  // hclwrite.Format never fails: it reformats even broken input, which is
  // why the parse above is the syntax check.
  const formatted = await hclTools.format(text);
  if (!Buffer.from(formatted, "utf8").equals(bytes)) {
    return { tree, lines: shortDiff(text, formatted) };
  }
  return { tree };
}

async function readStdinPaths() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.stdin) opts.paths.push(...(await readStdinPaths()));
  const { files, missing } = collectFiles(opts.paths);

  const failures = [...missing];
  const trees = {};
  // Sequential on purpose: both WASM modules run on this one JS thread, so
  // concurrent calls give no speed-up (measured), and order stays deterministic.
  for (const path of files) {
    const result = await checkFile(path);
    if (result.tree !== undefined) trees[path] = result.tree;
    if (result.lines) failures.push({ path, lines: result.lines });
  }
  for (const { path, lines } of failures) {
    for (const line of lines) console.log(`${path}: ${line}`);
  }

  // Written even when some files failed: the trees that did parse help debugging.
  let jsonWritten = true;
  if (opts.jsonOut !== null) {
    try {
      writeFileSync(opts.jsonOut, JSON.stringify(trees, null, 2) + "\n");
    } catch (e) {
      console.log(`${opts.jsonOut}: cannot write --json-out: ${e.code ?? e.message}`);
      jsonWritten = false;
    }
  }

  const total = files.length + missing.length;
  if (files.length === 0) {
    // A check that checked nothing must not pass silently.
    console.log("hcl-check: no .tf files found, nothing was checked");
    process.exitCode = 1;
  } else if (failures.length > 0) {
    const failedFiles = new Set(failures.map((f) => f.path)).size;
    console.log(`hcl-check: ${failedFiles} of ${total} files failed`);
    process.exitCode = 1;
  } else {
    console.log(`hcl-check: ${total} files parsed and canonical`);
    if (!jsonWritten) process.exitCode = 1;
  }
}

await main();
