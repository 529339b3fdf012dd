// references.mjs: the references in one value of an @cdktf/hcl2json parse tree.
//
// hcl2json keeps every expression as its source text inside "${...}", so a value such as
// "${data.aws_iam_policy_document.x.json}" or "arn:${aws_iam_role.r.arn}/x" is scanned
// here: the template's interpolations and directives, then the traversals in each
// expression, with string literals (and the templates inside them) taken apart first so
// that text in quotes is never read as a reference.

// Roots that Terraform itself defines; a traversal from any other root names a resource.
const RESERVED_ROOTS = new Set(["count", "each", "path", "self", "terraform", "ephemeral"]);
const IDENT = "[A-Za-z_][\\w-]*";
// A root not reached through a dot, a bracket or a call, then its steps.
const TRAVERSAL = new RegExp(`(?<![\\w.\\-\\]\\)])(${IDENT})((?:\\s*\\.\\s*(?:${IDENT}|\\*)|\\s*\\[[^\\[\\]]*\\])*)`, "g");
const STEP = new RegExp(`\\.\\s*(${IDENT}|\\*)|\\[[^\\[\\]]*\\]`, "g");
const FOR_ITERATORS = new RegExp(`\\bfor\\s+(${IDENT})(?:\\s*,\\s*(${IDENT}))?\\s+in\\b`, "g");

// Reads a template from `i` up to `end` (a closing quote, or the end of the text) and
// collects the code of every ${...} and %{...} in it. Returns the index after the end.
function scanTemplate(text, i, quoted, out) {
  while (i < text.length) {
    if (quoted && text[i] === '"') return i + 1;
    if (quoted && text[i] === "\\") {
      i += 2;
      continue;
    }
    if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      i += 3; // an escaped, literal ${ or %{
    } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      i = scanExpression(text, i + 2, out);
    } else {
      i++;
    }
  }
  return i;
}

// Reads an expression from `i` to its closing brace; its code, with each string literal
// reduced to "", goes to `out`, and so do the expressions inside those literals.
function scanExpression(text, i, out) {
  let code = "";
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = scanTemplate(text, i + 1, true, out);
      code += '""';
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    if (c === "}" || c === ")" || c === "]") {
      if (depth === 0 && c === "}") {
        out.push(code);
        return i + 1;
      }
      depth--;
    }
    code += c;
    i++;
  }
  out.push(code); // unterminated: hcl2json would not have parsed it, but read what there is
  return i;
}

// The expressions in a string value of the parse tree.
export function expressionsIn(text) {
  const out = [];
  scanTemplate(text, 0, false, out);
  return out;
}

// The references in one expression's code: { text, kind, type?, name, attribute? },
// kind being "resource", "data", "var", "local" or "module". `iterators` are the names
// that dynamic blocks bind in this module (statement.value and the like).
export function referencesIn(code, iterators) {
  const local = new Set(iterators);
  for (const m of code.matchAll(FOR_ITERATORS)) {
    local.add(m[1]);
    if (m[2]) local.add(m[2]);
  }
  const refs = [];
  for (const m of code.matchAll(TRAVERSAL)) {
    const root = m[1];
    if (RESERVED_ROOTS.has(root) || local.has(root)) continue;
    // A function call or a provider function (name(...), provider::aws::x(...)).
    if (/^\s*(\(|::)/.test(code.slice(m.index + m[0].length))) continue;
    const steps = [...m[2].matchAll(STEP)].map((s) => s[1] ?? null); // null: an index or [*]
    const names = (from) => steps.slice(from).filter((s) => s !== null && s !== "*");
    const text = (root + m[2]).replace(/\s+/g, "");
    if (root === "data") {
      if (steps[0] && steps[1]) refs.push({ text, kind: "data", type: steps[0], name: steps[1], attribute: names(2)[0] });
    } else if (root === "var" || root === "local" || root === "module") {
      if (steps[0]) refs.push({ text, kind: root, name: steps[0] });
    } else if (steps[0]) {
      // A bare word (name, true, null, a for keyword) has no step and is no reference.
      refs.push({ text, kind: "resource", type: root, name: steps[0], attribute: names(1)[0] });
    }
  }
  return refs;
}
