// Lints Neo4j-dialect Cypher statements with Neo4j's own linter
// (@neo4j-cypher/language-support), fully offline.
//
// stdin:  {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//          "statements": [{"name": "...", "cypher": "...", "parameters": {"id": "x"}}, ...]}
//         "schema" and each of its keys are optional. A bare array of statements is
//         accepted too (same as {"statements": [...]}).
// stdout: {"<name>": [{"severity": "error", "message": "...", "line": 1, "column": 6}], ...}
//         one entry (possibly an empty list) per statement; line and column are 1-based.
//
// Each statement is checked as CYPHER 5 against the Neo4j catalogue that the package
// ships (testData.mockSchema: procedures and functions of a real Neo4j). Only the
// statement's own parameters are declared, so any other `$name` is an error.
// Labels, relationship types and property keys are checked only when given in
// "schema" (labels and relationshipTypes go together); the mock's own movie-graph
// names are never used.
//
// Neo4j's semantic analysis (compiled from Java to JavaScript) costs 50-300 ms of CPU per
// statement, so the work is spread over worker threads (one per core), identical
// statements are linted once, and results are cached in node_modules/.cache/ keyed on the
// linter's version, this file, the schema, the statement and its parameter names.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const HERE = new URL('./', import.meta.url);
const PACKAGE_JSON = new URL('node_modules/@neo4j-cypher/language-support/package.json', HERE);
const CACHE_DIR = new URL('node_modules/.cache/', HERE);
const CACHE_FILE = new URL('cypher-lint.json', CACHE_DIR);
const CACHE_MAX_ENTRIES = 20000;

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`cypher_lint: ${message}\n`);
  process.exit(2);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNames(schema, key) {
  const value = schema[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    fail(`"schema.${key}" must be an array of strings`);
  }
  return value;
}

function parseInput(text) {
  let input;
  try {
    input = JSON.parse(text);
  } catch (error) {
    fail(`input is not valid JSON: ${error.message}`);
  }
  if (Array.isArray(input)) input = { statements: input };
  if (!isPlainObject(input) || !Array.isArray(input.statements)) {
    fail('input must be {"schema": {...}, "statements": [...]} or an array of statements');
  }
  const rawSchema = input.schema ?? {};
  if (!isPlainObject(rawSchema)) fail('"schema" must be an object');
  const schema = {
    labels: checkNames(rawSchema, 'labels'),
    relationshipTypes: checkNames(rawSchema, 'relationshipTypes'),
    propertyKeys: checkNames(rawSchema, 'propertyKeys'),
  };
  if ((schema.labels === undefined) !== (schema.relationshipTypes === undefined)) {
    fail('"schema.labels" and "schema.relationshipTypes" must be given together');
  }
  const seen = new Set();
  input.statements.forEach((statement, index) => {
    const where = `statements[${index}]`;
    if (!isPlainObject(statement)) fail(`${where} must be an object`);
    const { name, cypher, parameters } = statement;
    if (typeof name !== 'string' || name === '') fail(`${where}.name must be a non-empty string`);
    if (seen.has(name)) fail(`duplicate statement name ${JSON.stringify(name)}`);
    seen.add(name);
    if (typeof cypher !== 'string') fail(`${where}.cypher must be a string`);
    if (parameters !== undefined && parameters !== null && !isPlainObject(parameters)) {
      fail(`${where}.parameters must be an object`);
    }
  });
  return { schema, statements: input.statements };
}

async function lintAll({ schema, statements }) {
  const { lintCypherQuery, testData } = await import('@neo4j-cypher/language-support');
  const mock = testData.mockSchema;
  // The linter compares JSON.stringify() of the procedure and function registries on
  // every call to decide whether its signature resolver must be rebuilt; that costs
  // ~15 ms per statement for this 1.3 MB catalogue. A fixed, non-enumerable toJSON
  // makes the comparison trivial without changing what is linted against.
  const tagged = (registry, tag) => {
    const copy = { ...registry };
    Object.defineProperty(copy, 'toJSON', { value: () => tag, enumerable: false });
    return copy;
  };
  const base = {
    procedures: { 'CYPHER 5': tagged(mock.procedures['CYPHER 5'], 'procedures') },
    functions: { 'CYPHER 5': tagged(mock.functions['CYPHER 5'], 'functions') },
    defaultLanguage: 'CYPHER 5',
    databaseNames: mock.databaseNames,
    aliasNames: mock.aliasNames,
    ...schema,
  };
  return statements.map(({ cypher, parameters }) => {
    const dbSchema = { ...base, parameters: { ...(parameters ?? {}) } };
    const { diagnostics } = lintCypherQuery(cypher, dbSchema, { consoleCommandsEnabled: false });
    return diagnostics.map((d) => ({
      severity: SEVERITIES[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
  });
}

function runWorker(job) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}

function readCache() {
  try {
    const cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
    return isPlainObject(cache) ? cache : {};
  } catch {
    return {};
  }
}

function writeCache(cache) {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = new URL(`cypher-lint.${process.pid}.tmp`, CACHE_DIR);
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, CACHE_FILE); // atomic: concurrent runs never see half a file
  } catch {
    // The cache is only an optimisation.
  }
}

async function lintInWorkers(schema, statements) {
  // Statement i goes to worker i % n; about 25 statements make a worker worth starting.
  const n = Math.max(1, Math.min(availableParallelism(), Math.ceil(statements.length / 25)));
  const shares = await Promise.all(
    Array.from({ length: n }, (_, w) =>
      runWorker({ schema, statements: statements.filter((_, i) => i % n === w) }),
    ),
  );
  return statements.map((_, i) => shares[i % n][Math.floor(i / n)]);
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { schema, statements } = parseInput(Buffer.concat(chunks).toString('utf8'));

  let salt;
  try {
    salt = JSON.stringify([
      JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).version,
      createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex'),
      schema,
    ]);
  } catch (error) {
    fail(`@neo4j-cypher/language-support is not installed (run \`npm ci\` in this folder): ${error.message}`);
  }
  // Only the parameter names matter to the linter, not their values.
  const keyOf = ({ cypher, parameters }) =>
    createHash('sha256')
      .update(JSON.stringify([salt, cypher, Object.keys(parameters ?? {}).sort()]))
      .digest('hex');
  const keys = statements.map(keyOf);

  const cache = readCache();
  const missing = new Map(); // key -> first statement with that key
  statements.forEach((statement, i) => {
    if (!(keys[i] in cache) && !missing.has(keys[i])) missing.set(keys[i], statement);
  });
  if (missing.size > 0) {
    const results = await lintInWorkers(schema, [...missing.values()]);
    [...missing.keys()].forEach((key, i) => {
      cache[key] = results[i];
    });
    // Keep the file bounded: past the limit, keep only this batch's entries.
    const oversized = Object.keys(cache).length > CACHE_MAX_ENTRIES;
    writeCache(oversized ? Object.fromEntries(keys.map((key) => [key, cache[key]])) : cache);
  }

  const output = {};
  statements.forEach((statement, i) => {
    output[statement.name] = cache[keys[i]];
  });
  process.stdout.write(JSON.stringify(output) + '\n');
}

if (isMainThread) {
  main().catch((error) => fail(error.stack ?? String(error)));
} else {
  parentPort.postMessage(await lintAll(workerData));
}
