#!/usr/bin/env node
// check-cfn.mjs: lints CloudFormation templates with cfn-lint, and looks properties up in
// the current CloudFormation schema.
//
// cfn-lint (npm, 1.9.7) validates a template against the CloudFormation resource
// specification of its day, 2019. It therefore rejects properties AWS has added since. The
// schema that @aws-cdk/aws-service-spec ships (generated from CloudFormation's current
// registry schemas) says whether such a property exists today, so a test can accept exactly
// those rejections and no others.
//
// Usage: node check-cfn.mjs [--json-out FILE] [--property TYPE.PROPERTY[.SUB...]]... [TEMPLATE...]
// Writes one JSON document to FILE, or else to standard output:
//   {"versions": {"cfn-lint": "...", "@aws-cdk/aws-service-spec": "..."},
//    "templates": {"<path>": {"crit": [...], "warn": [...], "info": [...]}},
//    "properties": {"<TYPE.PROPERTY...>": true | false}}
// where each finding is cfn-lint's {message, resource, documentation}; a template that cannot
// be read at all gets one crit saying why. The caller judges: the exit code is 0 unless the
// script itself cannot run (2 for a usage error).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";

// Both packages are CommonJS.
const require = createRequire(import.meta.url);
const cfnLint = require("cfn-lint");

const USAGE = "usage: node check-cfn.mjs [--json-out FILE] " +
  "[--property TYPE.PROPERTY[.SUB...]]... [TEMPLATE...]";

function usageError(message) {
  console.error(`cfn-lint-check: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { templates: [], properties: [], jsonOut: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json-out") {
      if (i + 1 >= argv.length) usageError("--json-out needs a file name");
      opts.jsonOut = argv[++i];
    } else if (arg === "--property") {
      if (i + 1 >= argv.length) usageError("--property needs TYPE.PROPERTY");
      opts.properties.push(argv[++i]);
    } else if (arg.startsWith("-")) {
      usageError(`unknown option ${arg}`);
    } else {
      opts.templates.push(arg);
    }
  }
  if (opts.templates.length === 0 && opts.properties.length === 0) usageError("nothing to do");
  return opts;
}

function versionOf(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
}

function lint(path) {
  let result;
  try {
    result = cfnLint.validateFile(path);
  } catch (e) {
    // cfn-lint throws on a file it cannot parse: report it like any other finding.
    const crit = [{ message: `cannot be read: ${e.message}`, resource: path }];
    return { crit, warn: [], info: [] };
  }
  return { crit: result.errors.crit, warn: result.errors.warn, info: result.errors.info };
}

// The schema database, read directly: it is plain JSON, and reading it so needs none of the
// package's runtime API.
function loadSchema() {
  const dir = dirname(require.resolve("@aws-cdk/aws-service-spec/package.json"));
  const db = JSON.parse(gunzipSync(readFileSync(join(dir, "db.json.gz"))).toString("utf8"));
  const resources = new Map(db.schema.resource.entities.map((e) => [e.cloudFormationType, e]));
  const types = new Map(db.schema.typeDefinition.entities.map((e) => [e.$id, e]));
  return { resources, types };
}

// The type definition a property's type refers to, through lists and maps; else null.
function referencedType(schema, type) {
  if (type.type === "ref") return schema.types.get(type.reference.$ref) ?? null;
  if (type.element) return referencedType(schema, type.element);
  return null;
}

// Whether TYPE.PROPERTY[.SUB...] exists: each name after the first is a property of the
// previous one's type.
function hasProperty(schema, path) {
  const [resourceType, ...names] = splitPath(path);
  let holder = schema.resources.get(resourceType);
  for (let i = 0; holder && i < names.length; i++) {
    const property = holder.properties?.[names[i]];
    if (!property) return false;
    if (i === names.length - 1) return true;
    holder = referencedType(schema, property.type);
  }
  return false;
}

// "AWS::Lambda::Function.LoggingConfig.LogGroup"
//   -> ["AWS::Lambda::Function", "LoggingConfig", "LogGroup"]
function splitPath(path) {
  const dot = path.indexOf(".");
  if (dot < 0) usageError(`--property ${path}: expected TYPE.PROPERTY`);
  return [path.slice(0, dot), ...path.slice(dot + 1).split(".")];
}

const opts = parseArgs(process.argv.slice(2));
const report = {
  versions: {
    "cfn-lint": versionOf("cfn-lint"),
    "@aws-cdk/aws-service-spec": versionOf("@aws-cdk/aws-service-spec"),
  },
  templates: {},
  properties: {},
};
for (const path of opts.templates) report.templates[path] = lint(path);
if (opts.properties.length > 0) {
  const schema = loadSchema();
  for (const path of opts.properties) report.properties[path] = hasProperty(schema, path);
}
const json = JSON.stringify(report, null, 2) + "\n";
if (opts.jsonOut === null) process.stdout.write(json);
else writeFileSync(opts.jsonOut, json);
