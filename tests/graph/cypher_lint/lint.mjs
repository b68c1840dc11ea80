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
// names are never used. The work is spread over worker threads, one per core.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

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

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { schema, statements } = parseInput(Buffer.concat(chunks).toString('utf8'));
  // Statement i goes to worker i % n; about 25 statements make a worker worth starting.
  const n = Math.max(1, Math.min(availableParallelism(), Math.ceil(statements.length / 25)));
  const shares = await Promise.all(
    Array.from({ length: n }, (_, w) =>
      runWorker({ schema, statements: statements.filter((_, i) => i % n === w) }),
    ),
  );
  const output = {};
  statements.forEach((statement, i) => {
    output[statement.name] = shares[i % n][Math.floor(i / n)];
  });
  process.stdout.write(JSON.stringify(output) + '\n');
}

if (isMainThread) {
  main().catch((error) => fail(error.stack ?? String(error)));
} else {
  parentPort.postMessage(await lintAll(workerData));
}
