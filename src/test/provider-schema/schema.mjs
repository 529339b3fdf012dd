// schema.mjs: the AWS provider's schema, derived from what @cdktf/provider-aws ships.
//
// The package ships no schema JSON, but two views generated from the same provider schema:
//   - the JavaScript of each resource, data source and the provider (lib/<dir>/**/*.js):
//     `X.tfResourceType = "aws_kms_grant"`, `synthesizeHclAttributes()` listing every
//     argument and nested block under its Terraform name with `isBlock`, one
//     `...ToHclTerraform(struct)` function per nested block listing its keys, and getters
//     such as `this.getStringAttribute('grant_id')` for what a reference can read;
//   - the jsii assembly (.jsii), the typed form: each config and block struct with its
//     properties and their `optional` flags, each class with its properties.
//
// Why both, and why this way round: the Terraform names exist only in the JavaScript. They
// are the very keys that cdktf writes into Terraform configuration and reads back through
// references, so they are the names Terraform accepts, and no camelCase-to-snake_case
// guess is needed. Which arguments are required exists only in the typed form (the jsii
// flags; the .d.ts says the same with `?`), and the jsii is a specified JSON format. The
// JavaScript is read with patterns, which is the fragile part, so every type is checked
// against the jsii before it is used: each argument and block that the JavaScript maps
// must be exactly the properties of the jsii struct, and every getter of the class must
// be understood. A generator change that the patterns miss therefore fails loudly as
// "cannot derive", and never turns into a schema that lets a wrong name through.
// `deriveAll()` runs that check over every type in the package.
//
// Known gaps: attributes of nested blocks are not derived for references (only a
// type's own attributes are), and ephemeral resources are not in the package at all.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";

const BASES = {
  TerraformResource: "resource",
  TerraformDataSource: "data source",
  TerraformProvider: "provider",
};

export class SchemaError extends Error {}

// Where npm installed the package, beside this script.
export function packageDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@cdktf/provider-aws/package.json"));
}

// Every .js file of one type's folder: large types keep their block structs in
// index-structs/structsN.js beside index.js.
function jsFilesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFilesUnder(path));
    else if (entry.name.endsWith(".js")) out.push(path);
  }
  return out.sort();
}

// The jsii assembly may be stored compressed behind a small redirect file.
function readAssembly(dir) {
  let assembly = JSON.parse(readFileSync(join(dir, ".jsii"), "utf8"));
  if (assembly.schema === "jsii/file-redirect") {
    const bytes = readFileSync(join(dir, assembly.filename));
    const text = assembly.compression === "gzip" ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
    assembly = JSON.parse(text);
  }
  if (!assembly.types) throw new SchemaError("the .jsii file has no types");
  return assembly;
}

// The text from `start` to the first line that is exactly `}` (the end of a top-level
// class or function in tsc's output).
function topLevelBody(text, start) {
  const end = text.indexOf("\n}\n", start);
  if (end < 0) throw new SchemaError(`no end for the body at offset ${start}`);
  return text.slice(start, end);
}

// The entries of `const attrs = { name: { value: ..., isBlock: ..., ... }, ... }` in a
// synthesizeHclAttributes() or ...ToHclTerraform(struct) body.
const ATTR_ENTRY = /\n\s+(?:([A-Za-z_][\w]*)|"([^"]+)"): \{\n\s+value: ([^\n]+),\n\s+isBlock: (true|false),\n\s+type: "([^"]*)",\n\s+storageClassType: "([^"]*)",\n\s+\},/g;

// `source` tells how a value names its property: "struct" for `struct.x` in a block's
// function, or a Map from field to config property for `this._x` in a class (the
// constructor's `this._x = config.y`; they differ where a name would clash, as `self`).
function attrEntries(body, source, what) {
  // A type or struct with no fields at all has an empty object.
  if (/const attrs = \{\};/.test(body)) return [];
  const start = body.indexOf("const attrs = {");
  if (start < 0) throw new SchemaError(`${what}: no attrs object`);
  // The object ends at the first `};` indented as its opening line.
  const indent = start - body.lastIndexOf("\n", start) - 1;
  const end = body.indexOf("\n" + " ".repeat(indent) + "};", start);
  if (end < 0) throw new SchemaError(`${what}: no end for the attrs object`);
  const block = body.slice(start, end);
  const entries = [];
  for (const m of block.matchAll(ATTR_ENTRY)) {
    const value = m[3];
    const property = source === "struct"
      ? (value.match(/\bstruct\.(\w+)/) || [])[1]
      : source.get((value.match(/\bthis\._(\w+)/) || [])[1]);
    if (!property) throw new SchemaError(`${what}: cannot tell the property of ${m[1] ?? m[2]} from "${value}"`);
    const mapper = (value.match(/(?<!cdktf\.)\b([a-z]\w*ToHclTerraform)\b/) || [])[1] ?? null;
    entries.push({ name: m[1] ?? m[2], property, isBlock: m[4] === "true", mapper });
  }
  const declared = (block.match(/\n\s+isBlock: /g) || []).length;
  if (declared !== entries.length) {
    throw new SchemaError(`${what}: read ${entries.length} of ${declared} entries`);
  }
  return entries;
}

// The first struct (datatype interface) a jsii type reference names, through unions
// and collections.
function structFqn(typeRef, assembly) {
  if (!typeRef || typeof typeRef !== "object") return null;
  if (typeRef.fqn && assembly.types[typeRef.fqn]?.datatype) return typeRef.fqn;
  const inner = typeRef.union?.types ?? (typeRef.collection ? [typeRef.collection.elementtype] : []);
  for (const t of inner) {
    const found = structFqn(t, assembly);
    if (found) return found;
  }
  return null;
}

// Readable attributes: a getter reads a Terraform attribute by name, or returns a
// complex list, map or object made in the constructor with the attribute's name.
// Every other getter returns an input value (`this._x`, `this._x.internalValue`).
const GETTER = /\n    get (\w+)\(\) \{\n        return ([^\n]+);\n    \}/g;
const READ_BY_NAME = /\bthis\.(?:get\w*Attribute|interpolationForAttribute)\('([^']+)'\)/;
const MADE_IN_CONSTRUCTOR = /\bthis\._(\w+) = new [\w.]+\(this, "([^"]+)"/g;

function readableAttributes(classBody, className, jsiiClass) {
  const made = new Map([...classBody.matchAll(MADE_IN_CONSTRUCTOR)].map((m) => [m[1], m[2]]));
  const attributes = new Set();
  const getters = new Set();
  for (const m of classBody.matchAll(GETTER)) {
    getters.add(m[1]);
    const byName = m[2].match(READ_BY_NAME);
    const field = m[2].match(/^this\._(\w+)$/);
    if (byName) attributes.add(byName[1]);
    else if (field && made.has(field[1])) attributes.add(made.get(field[1]));
    else if (!/^this\._\w+(\.internalValue)?$/.test(m[2])) {
      throw new SchemaError(`${className}: getter ${m[1]} returns "${m[2]}", which is not understood`);
    }
  }
  const jsiiGetters = (jsiiClass.properties ?? []).filter((p) => !p.static).map((p) => p.name);
  const missed = jsiiGetters.filter((name) => !getters.has(name));
  if (missed.length > 0) throw new SchemaError(`${className}: getters not read: ${missed.join(", ")}`);
  return attributes;
}

export class ProviderSchema {
  constructor(dir = packageDir()) {
    this.dir = dir;
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    this.packageVersion = pkg.version;
    this.providerName = pkg.cdktf?.provider?.name ?? "(unknown provider)";
    this.providerVersion = pkg.cdktf?.provider?.version ?? "(unknown version)";
    this.label = `${this.providerName.replace(/^registry\.terraform\.io\//, "")} ${this.providerVersion}`;
    this.index = this.#indexTypes();
    this.cache = new Map();
    this.assembly = null;
  }

  // kind -> Map(Terraform type name -> { dir, className, fqn }), from every type's
  // `X.tfResourceType = "..."`, the base class, and the jsii type ID that cdktf's
  // runtime type information gives the class.
  #indexTypes() {
    const index = { resource: new Map(), "data source": new Map(), provider: new Map() };
    const lib = join(this.dir, "lib");
    for (const entry of readdirSync(lib, { withFileTypes: true })) {
      const file = join(lib, entry.name, "index.js");
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\n(\w+)\.tfResourceType = "([^"]+)";\n/g)) {
        const [, className, typeName] = m;
        const base = text.match(new RegExp(`\\nclass ${className} extends cdktf\\.(\\w+) \\{`));
        const fqn = text.match(new RegExp(`\\n${className}\\[_\\w+\\] = \\{ fqn: "([^"]+)"`));
        const kind = base && BASES[base[1]];
        if (!kind || !fqn) throw new SchemaError(`${file}: cannot tell what ${className} is`);
        index[kind].set(typeName, { dir: join(lib, entry.name), className, fqn: fqn[1] });
      }
    }
    if (index.resource.size === 0) throw new SchemaError(`no resource types found under ${lib}`);
    return index;
  }

  names(kind) {
    return [...this.index[kind].keys()];
  }

  has(kind, typeName) {
    return this.index[kind].has(typeName);
  }

  // { arguments: Map(name -> { required, block: Body | null }), attributes: Set }, where
  // a Body is { arguments } for a nested block. Throws SchemaError if the two views
  // disagree.
  type(kind, typeName) {
    const key = `${kind}:${typeName}`;
    if (!this.cache.has(key)) this.cache.set(key, this.#derive(kind, typeName));
    return this.cache.get(key);
  }

  #derive(kind, typeName) {
    const where = this.index[kind].get(typeName);
    if (!where) throw new SchemaError(`no ${kind} ${typeName}`);
    this.assembly ??= readAssembly(this.dir);
    const assembly = this.assembly;
    const jsiiClass = assembly.types[where.fqn];
    if (!jsiiClass || jsiiClass.kind !== "class") throw new SchemaError(`${typeName}: ${where.fqn} is not a class in the .jsii`);
    const config = jsiiClass.initializer?.parameters?.find((p) => p.name === "config");
    if (!config?.type?.fqn) throw new SchemaError(`${typeName}: ${where.fqn} takes no config`);

    const files = jsFilesUnder(where.dir).map((f) => readFileSync(f, "utf8"));
    const functions = new Map();
    for (const text of files) {
      for (const m of text.matchAll(/\nfunction (\w+ToHclTerraform)\(struct\) \{/g)) {
        functions.set(m[1], topLevelBody(text, m.index + 1));
      }
    }
    const main = files.find((t) => t.includes(`\nclass ${where.className} extends `));
    if (!main) throw new SchemaError(`${typeName}: no class ${where.className} under ${where.dir}`);
    const classStart = main.indexOf(`\nclass ${where.className} extends `) + 1;
    const classBody = topLevelBody(main, classStart);
    const hclStart = classBody.indexOf("\n    synthesizeHclAttributes() {");
    if (hclStart < 0) throw new SchemaError(`${typeName}: no synthesizeHclAttributes()`);
    const hclBody = classBody.slice(hclStart, classBody.indexOf("\n    }\n", hclStart));

    const body = (entries, structFqnName, what, seen) => {
      const struct = assembly.types[structFqnName];
      if (!struct) throw new SchemaError(`${what}: ${structFqnName} is not in the .jsii`);
      const properties = new Map((struct.properties ?? []).map((p) => [p.name, p]));
      const args = new Map();
      for (const e of entries) {
        const property = properties.get(e.property);
        if (!property) throw new SchemaError(`${what}: ${e.name} maps ${e.property}, which ${struct.name} lacks`);
        properties.delete(e.property);
        let block = null;
        if (e.isBlock) {
          if (!e.mapper || !functions.has(e.mapper)) throw new SchemaError(`${what}: block ${e.name} has no struct function`);
          const nestedFqn = structFqn(property.type, assembly);
          if (!nestedFqn) throw new SchemaError(`${what}: block ${e.name} has no struct type in the .jsii`);
          // Recursive schemas do not occur in Terraform, but a loop here must not hang.
          if (seen.has(nestedFqn)) throw new SchemaError(`${what}: ${e.name} nests ${nestedFqn} in itself`);
          const nestedEntries = attrEntries(functions.get(e.mapper), "struct", `${what} ${e.name}`);
          block = body(nestedEntries, nestedFqn, `${what} ${e.name}`, new Set([...seen, nestedFqn]));
        }
        if (args.has(e.name)) throw new SchemaError(`${what}: ${e.name} twice`);
        args.set(e.name, { required: property.optional !== true, block });
      }
      if (properties.size > 0) {
        throw new SchemaError(`${what}: ${struct.name} has properties with no Terraform name: ${[...properties.keys()].join(", ")}`);
      }
      return { arguments: args };
    };

    const fields = new Map(
      [...classBody.matchAll(/\n        this\._(\w+)(?:\.internalValue)? = config\.(\w+);/g)].map((m) => [m[1], m[2]]));
    const top = body(attrEntries(hclBody, fields, typeName), config.type.fqn, typeName, new Set([config.type.fqn]));
    const attributes = kind === "provider" ? new Set() : readableAttributes(classBody, where.className, jsiiClass);
    return { arguments: top.arguments, attributes };
  }

  // Derives every type, for the self-check: returns the failures, one line each.
  deriveAll() {
    const failures = [];
    let count = 0;
    for (const kind of Object.keys(this.index)) {
      for (const typeName of this.names(kind)) {
        try {
          this.type(kind, typeName);
          count++;
        } catch (e) {
          if (!(e instanceof SchemaError)) throw e;
          failures.push(`cannot derive ${kind} ${typeName}: ${e.message}`);
        }
        this.cache.clear(); // keep memory flat: nothing reuses these
      }
    }
    return { count, failures };
  }
}
