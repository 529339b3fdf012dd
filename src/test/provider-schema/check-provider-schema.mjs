#!/usr/bin/env node
// check-provider-schema.mjs: checks Terraform (.tf) files against the AWS provider's
// schema, as @cdktf/provider-aws ships it (see schema.mjs for how the schema is derived
// from the package, and why from both its JavaScript and its jsii assembly).
//
// Usage: node check-provider-schema.mjs PATH...
//        node check-provider-schema.mjs --describe [data.]TYPE
//        node check-provider-schema.mjs --self-check
//   PATH  a folder (searched recursively, in sorted order, for *.tf; node_modules and
//         hidden entries are skipped) or a file. Each folder holding .tf files is one
//         module, as in Terraform: references resolve against every .tf file in it,
//         and a file named alone is checked with its folder's files as its module.
//   --describe    prints what the schema says of one type, one line per name
//   --self-check  derives every type in the package and reports the ones that fail
// Exit: 0 no problem, 1 any problem (or no .tf file at all), 2 usage error.
//
// Each file is parsed with @cdktf/hcl2json (HashiCorp's HCL parser as WASM), and one line
// is printed per problem, as "FILE: BLOCK: problem", for:
//   - a resource or data source type that hashicorp/aws does not have;
//   - an argument or nested block that the type (or the nested block) does not have:
//     depends_on, count, for_each, provider and lifecycle are allowed where Terraform
//     allows them (and provisioner and connection in a resource), dynamic blocks are
//     checked as the block they make;
//   - a required argument or nested block that is missing;
//   - a reference (aws_iam_policy.x.arn, data.aws_iam_policy_document.y.json, var.x,
//     local.x, module.x) to something not declared in the module, or to an attribute
//     that the type does not have;
//   - a resource, data source, variable, local or module declared twice in a module.
// terraform, output, variable, locals, module, import, moved, removed and check blocks are
// Terraform's own: only the references in them are checked (a moved or removed block's
// `from` names what is no longer declared, so it is left alone, and so are check blocks).
//
// Known gaps: hcl2json gives no line numbers, so problems name the block, not the line;
// values are not type-checked; a reference is checked to its first attribute, not into
// nested blocks; .tf.json files, other providers and ephemeral resources are not checked.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import hcl2json from "@cdktf/hcl2json";
import { ProviderSchema, SchemaError } from "./schema.mjs";
import { expressionsIn, referencesIn } from "./references.mjs";

const USAGE = "usage: node check-provider-schema.mjs PATH... | --describe [data.]TYPE | --self-check";

const META = {
  resource: new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]),
  "data source": new Set(["count", "for_each", "provider", "depends_on", "lifecycle"]),
  provider: new Set(["alias", "version"]),
};
const LIFECYCLE = {
  resource: new Set(["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by", "precondition", "postcondition"]),
  "data source": new Set(["precondition", "postcondition"]),
};
const DYNAMIC = new Set(["for_each", "iterator", "labels", "content"]);
// These name provider configurations (aws.west), not resources.
const PROVIDER_REFERENCES = new Set(["provider", "providers"]);
const NONE = new Set();
const TERRAFORM_BLOCKS = new Set(["terraform", "output", "variable", "locals", "module", "import", "moved", "removed", "check"]);

function usageError(message) {
  console.error(`provider-schema: ${message}\n${USAGE}`);
  process.exit(2);
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // code units, not the locale

function levenshtein(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

// " (did you mean "x"?)" for the nearest name, when one is near enough to be a typo.
function suggestion(name, candidates) {
  let best = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of [...candidates].sort(byName)) {
    const d = levenshtein(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === null ? "" : ` (did you mean "${best}"?)`;
}

// ---- files and modules -------------------------------------------------------------

function tfFilesIn(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name.endsWith(".tf") && !e.name.startsWith(".") && statSync(join(dir, e.name)).isFile())
    .map((e) => join(dir, e.name))
    .sort(byName);
}

function foldersWithTf(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  if (entries.some((e) => e.name.endsWith(".tf") && !e.name.startsWith("."))) out.push(dir);
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) foldersWithTf(join(dir, entry.name), out); // links not followed
  }
}

// Map(folder -> { files: every .tf in it, checked: the files to report on }).
function collectModules(paths, problems) {
  const modules = new Map();
  const add = (dir, files) => {
    const key = resolve(dir);
    if (!modules.has(key)) modules.set(key, { files: tfFilesIn(dir), checked: new Set() });
    for (const f of files) modules.get(key).checked.add(resolve(f));
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (e) {
      problems.push(`${path}: cannot read: ${e.code ?? e.message}`);
      continue;
    }
    if (stat.isDirectory()) {
      const dirs = [];
      foldersWithTf(path, dirs);
      for (const dir of dirs) add(dir, tfFilesIn(dir));
    } else {
      add(dirname(path), [path]);
    }
  }
  return modules;
}

// ---- one module ----------------------------------------------------------------------

class ModuleCheck {
  constructor(schema, files, checked) {
    this.schema = schema;
    this.files = files;
    this.checked = checked;
    this.problems = []; // [file, line]
    this.trees = [];
    this.declared = { resource: new Set(), data: new Set(), var: new Set(), local: new Set(), module: new Set() };
    this.iterators = new Set();
  }

  report(file, text) {
    if (this.checked.has(resolve(file))) this.problems.push([file, `${file}: ${text}`]);
  }

  async parse() {
    for (const file of this.files) {
      try {
        this.trees.push({ file, tree: await hcl2json.parse(file, readFileSync(file, "utf8")) });
      } catch (e) {
        // Reported even for a file not named: its declarations are missing from the module.
        this.problems.push([file, `${file}: parse error: ${e.message}`]);
      }
    }
  }

  declare(file, kind, key, what) {
    if (this.declared[kind].has(key)) this.report(file, `${what} is declared more than once in this module`);
    this.declared[kind].add(key);
  }

  collectDeclarations() {
    for (const { file, tree } of this.trees) {
      for (const [kind, section] of [["resource", tree.resource], ["data", tree.data]]) {
        for (const [type, byName] of Object.entries(section ?? {})) {
          for (const [name, bodies] of Object.entries(byName)) {
            const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
            bodies.forEach(() => this.declare(file, kind, `${type}.${name}`, address));
          }
        }
      }
      for (const [name, bodies] of Object.entries(tree.variable ?? {})) bodies.forEach(() => this.declare(file, "var", name, `variable.${name}`));
      for (const [name, bodies] of Object.entries(tree.module ?? {})) bodies.forEach(() => this.declare(file, "module", name, `module.${name}`));
      for (const body of tree.locals ?? []) for (const name of Object.keys(body)) this.declare(file, "local", name, `local.${name}`);
      this.#collectIterators(tree);
    }
  }

  // The names that dynamic blocks bind (their label, or `iterator`), anywhere in the file.
  #collectIterators(value) {
    if (Array.isArray(value)) value.forEach((v) => this.#collectIterators(v));
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === "dynamic" && isObject(v)) {
        for (const [label, instances] of Object.entries(v)) {
          this.iterators.add(label);
          for (const d of Array.isArray(instances) ? instances : []) {
            if (typeof d?.iterator === "string") this.iterators.add(d.iterator.replace(/^\$\{(.*)\}$/, "$1"));
          }
        }
      }
      this.#collectIterators(v);
    }
  }

  check() {
    this.collectDeclarations();
    for (const { file, tree } of this.trees) {
      for (const [blockType, section] of Object.entries(tree)) {
        if (blockType === "resource" || blockType === "data") this.#checkTyped(file, blockType, section);
        else if (blockType === "provider") this.#checkProviders(file, section);
        else if (blockType === "ephemeral") this.report(file, `ephemeral: ephemeral resources are not in ${this.schema.label}'s package, so they cannot be checked`);
        else if (TERRAFORM_BLOCKS.has(blockType)) this.#checkTerraformBlock(file, blockType, section);
        else this.report(file, `${blockType}: not a Terraform block type`);
      }
    }
  }

  #checkTyped(file, blockType, section) {
    const kind = blockType === "data" ? "data source" : "resource";
    for (const [type, byName] of Object.entries(section)) {
      for (const [name, bodies] of Object.entries(byName)) {
        const address = blockType === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        for (const body of bodies) {
          this.#checkReferences(file, address, "", body, PROVIDER_REFERENCES);
          if (!this.schema.has(kind, type)) {
            this.report(file, `${address}: unknown ${kind} type "${type}" in ${this.schema.label}${suggestion(type, this.schema.names(kind))}`);
            continue;
          }
          const typeSchema = this.#typeSchema(file, address, kind, type);
          if (!typeSchema) continue;
          this.#checkBody(file, address, "", body, typeSchema, type, META[kind]);
          for (const lifecycle of Array.isArray(body.lifecycle) ? body.lifecycle : []) {
            for (const key of Object.keys(lifecycle)) {
              if (!LIFECYCLE[kind].has(key)) this.report(file, `${address}: lifecycle: "${key}" is not allowed in a ${kind}'s lifecycle block${suggestion(key, LIFECYCLE[kind])}`);
            }
          }
        }
      }
    }
  }

  #typeSchema(file, address, kind, type) {
    try {
      return this.schema.type(kind, type);
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      this.report(file, `${address}: cannot derive the schema of ${type} from the package: ${e.message}`);
      return null;
    }
  }

  #checkProviders(file, section) {
    for (const [name, bodies] of Object.entries(section)) {
      for (const body of bodies) {
        const address = typeof body.alias === "string" ? `provider.${name}.${body.alias}` : `provider.${name}`;
        this.#checkReferences(file, address, "", body);
        if (!this.schema.has("provider", name)) {
          this.report(file, `${address}: only the ${this.schema.label} provider is known to this check`);
          continue;
        }
        const providerSchema = this.#typeSchema(file, address, "provider", name);
        if (providerSchema) this.#checkBody(file, address, "", body, providerSchema, `provider ${name}`, META.provider);
      }
    }
  }

  #checkTerraformBlock(file, blockType, section) {
    if (blockType === "terraform" || blockType === "check" || blockType === "removed") return;
    if (blockType === "locals" || blockType === "import" || blockType === "moved") {
      for (const body of section) {
        this.#checkReferences(file, blockType, "", blockType === "moved" ? { to: body.to } : body);
      }
      return;
    }
    for (const [name, bodies] of Object.entries(section)) {
      for (const body of bodies) this.#checkReferences(file, `${blockType}.${name}`, "", body, PROVIDER_REFERENCES);
    }
  }

  // Checks the names in one block body against its schema, then descends into its blocks.
  #checkBody(file, address, path, body, schema, what, meta) {
    const where = path === "" ? `${address}` : `${address}: ${path}`;
    for (const [key, value] of Object.entries(body)) {
      if (meta.has(key)) continue;
      if (key === "dynamic" && isObject(value)) {
        this.#checkDynamic(file, address, path, value, schema, what);
        continue;
      }
      const arg = schema.arguments.get(key);
      if (!arg) {
        this.report(file, `${where}: "${key}" is not an argument or block of ${what}${suggestion(key, schema.arguments.keys())}`);
        continue;
      }
      if (arg.block && Array.isArray(value) && value.every(isObject)) {
        value.forEach((v, i) => this.#checkBody(file, address, `${path === "" ? "" : path + "."}${key}[${i}]`, v, arg.block, key, NONE));
      }
    }
    for (const [name, arg] of schema.arguments) {
      if (!arg.required || name in body || (isObject(body.dynamic) && name in body.dynamic)) continue;
      this.report(file, `${where}: missing required ${arg.block ? "block" : "argument"} "${name}" of ${what}`);
    }
  }

  #checkDynamic(file, address, path, dynamic, schema, what) {
    const where = path === "" ? `${address}` : `${address}: ${path}`;
    for (const [label, instances] of Object.entries(dynamic)) {
      const arg = schema.arguments.get(label);
      if (!arg?.block) {
        const blocks = [...schema.arguments].filter(([, a]) => a.block).map(([n]) => n);
        this.report(file, `${where}: dynamic "${label}": ${what} has no nested block "${label}"${suggestion(label, blocks)}`);
        continue;
      }
      instances.forEach((instance, i) => {
        for (const key of Object.keys(instance)) {
          if (!DYNAMIC.has(key)) this.report(file, `${where}: dynamic "${label}": "${key}" is not allowed in a dynamic block${suggestion(key, DYNAMIC)}`);
        }
        for (const content of Array.isArray(instance.content) ? instance.content : []) {
          this.#checkBody(file, address, `${path === "" ? "" : path + "."}dynamic.${label}[${i}].content`, content, arg.block, label, NONE);
        }
      });
    }
  }

  // Every reference in a value, wherever it sits in the block, but in the block's own
  // arguments named in `skip`.
  #checkReferences(file, address, path, value, skip = NONE) {
    if (typeof value === "string") {
      const seen = new Set();
      for (const code of expressionsIn(value)) {
        for (const ref of referencesIn(code, this.iterators)) {
          const problem = this.#referenceProblem(ref);
          if (problem && !seen.has(problem)) {
            seen.add(problem);
            this.report(file, `${address}: ${path} refers to ${problem}`);
          }
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => this.#checkReferences(file, address, isObject(v) ? `${path}[${i}]` : path, v));
    } else if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (path === "" && skip.has(key)) continue;
        this.#checkReferences(file, address, path === "" ? key : `${path}.${key}`, v);
      }
    }
  }

  #referenceProblem(ref) {
    if (ref.kind === "var" || ref.kind === "local" || ref.kind === "module") {
      return this.declared[ref.kind].has(ref.name) ? null : `${ref.kind}.${ref.name}, which is not declared in this module`;
    }
    const prefix = ref.kind === "data" ? "data." : "";
    const kind = ref.kind === "data" ? "data source" : "resource";
    const target = `${prefix}${ref.type}.${ref.name}`;
    if (!this.declared[ref.kind].has(`${ref.type}.${ref.name}`)) return `${target}, which is not declared in this module`;
    if (ref.attribute === undefined || !this.schema.has(kind, ref.type)) return null;
    let attributes;
    try {
      attributes = this.schema.type(kind, ref.type).attributes;
    } catch (e) {
      if (e instanceof SchemaError) return null; // reported where the block is checked
      throw e;
    }
    if (attributes.has(ref.attribute)) return null;
    return `${target}.${ref.attribute}, but ${ref.type} has no attribute "${ref.attribute}"${suggestion(ref.attribute, attributes)}`;
  }
}

// ---- commands ------------------------------------------------------------------------

function describe(schema, spec) {
  const kind = spec.startsWith("data.") ? "data source" : "resource";
  const type = spec.replace(/^data\./, "");
  if (!schema.has(kind, type)) {
    console.log(`provider-schema: no ${kind} "${type}" in ${schema.label}${suggestion(type, schema.names(kind))}`);
    return 1;
  }
  const t = schema.type(kind, type);
  const lines = [];
  const walk = (body, prefix) => {
    for (const [name, arg] of [...body.arguments].sort(([a], [b]) => byName(a, b))) {
      lines.push(`${arg.block ? "block" : "argument"} ${prefix}${name}${arg.required ? " (required)" : ""}`);
      if (arg.block) walk(arg.block, `${prefix}${name}.`);
    }
  };
  walk(t, "");
  for (const name of [...t.attributes].sort(byName)) lines.push(`attribute ${name}`);
  console.log(`${kind} ${type} in ${schema.label} (@cdktf/provider-aws ${schema.packageVersion})`);
  lines.forEach((l) => console.log(l));
  return 0;
}

function selfCheck(schema) {
  const { count, failures } = schema.deriveAll();
  failures.forEach((f) => console.log(`provider-schema: ${f}`));
  console.log(`provider-schema: derived ${count} of ${count + failures.length} types of ${schema.label} (@cdktf/provider-aws ${schema.packageVersion})`);
  return failures.length === 0 && count > 0 ? 0 : 1;
}

async function checkPaths(schema, paths) {
  const early = [];
  const modules = collectModules(paths, early);
  const lines = [...early];
  let fileCount = 0;
  let problemCount = early.length;
  for (const [, { files, checked }] of [...modules].sort(([a], [b]) => byName(a, b))) {
    const module = new ModuleCheck(schema, files, checked);
    await module.parse();
    module.check();
    fileCount += checked.size;
    problemCount += module.problems.length;
    // Sorted by file, in the order found within a file.
    const byFile = new Map();
    for (const [file, line] of module.problems) byFile.set(file, [...(byFile.get(file) ?? []), line]);
    for (const file of [...byFile.keys()].sort(byName)) lines.push(...byFile.get(file));
  }
  lines.forEach((l) => console.log(l));
  const against = `${schema.label} (@cdktf/provider-aws ${schema.packageVersion})`;
  if (fileCount === 0) {
    console.log("provider-schema: no .tf files found, nothing was checked");
    return 1;
  }
  if (problemCount > 0) {
    console.log(`provider-schema: ${count(problemCount, "problem")} in ${count(fileCount, "file")} of ${count(modules.size, "module")}, checked against ${against}`);
    return 1;
  }
  console.log(`provider-schema: ${count(fileCount, "file")} in ${count(modules.size, "module")} match ${against}`);
  return 0;
}

async function main(argv) {
  if (argv.length === 0) usageError("no path given");
  if (argv[0] === "-h" || argv[0] === "--help") {
    console.log(USAGE);
    return 0;
  }
  if (argv[0] === "--describe") {
    if (argv.length !== 2) usageError("--describe takes one type");
    return describe(new ProviderSchema(), argv[1]);
  }
  if (argv[0] === "--self-check") {
    if (argv.length !== 1) usageError("--self-check takes no path");
    return selfCheck(new ProviderSchema());
  }
  const paths = argv[0] === "--" ? argv.slice(1) : argv;
  const option = paths.find((p) => p.startsWith("-"));
  if (option && argv[0] !== "--") usageError(`unknown option ${option}`);
  return checkPaths(new ProviderSchema(), paths);
}

process.exitCode = await main(process.argv.slice(2));
