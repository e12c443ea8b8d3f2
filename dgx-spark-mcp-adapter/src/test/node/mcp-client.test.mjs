// The dgx-spark MCP server driven by the official TypeScript SDK as an independent client.
// Run from the Maven build (integration-test phase, after the jar is shaded) or by hand:
//   MCP_JAR=../../../target/dgx-spark-mcp.jar node --test
// The client validates every structuredContent against the tool's outputSchema (ajv).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const jar = process.env.MCP_JAR ?? path.resolve(here, '../../../target/dgx-spark-mcp.jar');
const fixtures = path.resolve(here, '../resources/fixtures');
const TIB = 1024 ** 4;

const TOOLS = [
  'analyze_event_log',
  'analyze_io_pattern',
  'classify_workload',
  'detect_bottlenecks',
  'detect_hardware',
  'estimate_resources',
  'generate_recommendations',
  'generate_spark_config',
  'list_profiles',
  'list_rules',
  'predict_performance',
  'predict_scaling',
  'qualify_event_logs',
  'validate_spark_config',
];

let client;
let negotiated;

before(async () => {
  const transport = new StdioClientTransport({
    command: 'java',
    args: ['-jar', jar, 'serve', '--allow-dir', fixtures],
    stderr: 'ignore',
  });
  const set = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (v) => {
    negotiated = v;
    set?.(v);
  };
  client = new Client({ name: 'dgx-spark-node-test', version: '1.0.0' });
  await client.connect(transport);
});

after(() => client?.close());

async function ok(name, args) {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, false, `${name} ${JSON.stringify(args)}: ${r.content?.[0]?.text}`);
  assert.equal(typeof r.structuredContent, 'object');
  assert.deepEqual(JSON.parse(r.content[0].text), r.structuredContent);
  return r.structuredContent;
}

async function bad(name, args, pattern) {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, true, `${name} ${JSON.stringify(args)} should fail`);
  const text = r.content.map((c) => c.text).join(' ');
  assert.match(text, pattern);
  return text;
}

test('negotiates protocol 2025-11-25', () => {
  assert.equal(negotiated, '2025-11-25');
  assert.equal(client.getServerVersion().name, 'dgx-spark');
});

test('lists every tool with input and output schemas', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', t.name);
    assert.equal(t.outputSchema?.type, 'object', t.name);
    assert.ok(t.description.length > 20, t.name);
  }
  // portable schemas: one JSON type per value, never a type array (Inspector --strict warns on them)
  const arrays = [];
  const walk = (where, n) => {
    if (Array.isArray(n)) n.forEach((x, i) => walk(`${where}[${i}]`, x));
    else if (n && typeof n === 'object') {
      if ('type' in n && typeof n.type !== 'string') arrays.push(`${where}.type`);
      for (const [k, v] of Object.entries(n)) walk(`${where}.${k}`, v);
    }
  };
  for (const t of tools) {
    walk(`${t.name}.inputSchema`, t.inputSchema);
    walk(`${t.name}.outputSchema`, t.outputSchema);
  }
  assert.deepEqual(arrays, []);
});

test('detect_hardware: profile, pasted nvidia-smi; bad profile, bad type, bad paste', async () => {
  const h = await ok('detect_hardware', { profile: 'dgx-h100', nodes: 2 });
  assert.equal(h.nodes, 2);
  assert.equal(h.node.gpus.length, 8);
  assert.ok(h.node.nvlink.present);
  assert.ok(Array.isArray(h.notes));
  const smi = readFileSync(path.join(fixtures, 'h100-sxm5-x8_nvidia-smi_table_under-load.txt'), 'utf8');
  const p = await ok('detect_hardware', { nvidiaSmi: smi });
  assert.equal(p.origin, 'nvidia-smi');
  assert.equal(p.node.gpus[0].name, 'NVIDIA H100 80GB HBM3');
  await bad('detect_hardware', { profile: 'dgx-9000' }, /profile/);
  await bad('detect_hardware', { nodes: 'two' }, /nodes/);
  await bad('detect_hardware', { nvidiaSmi: 'hello world' }, /nvidia-smi/);
  await bad('detect_hardware', { profile: 'dgx-h100', nvidiaSmi: smi }, /at most one/);
});

test('list_profiles: ten profiles; unknown argument refused', async () => {
  const r = await ok('list_profiles', {});
  assert.equal(r.profiles.length, 10);
  assert.ok(r.profiles.some((p) => p.name === 'dgx-spark' && p.unifiedMemory));
  await bad('list_profiles', { extra: 1 }, /extra|additional/i);
});

test('generate_spark_config: GPU config with a reason per key; bad size, bad mode', async () => {
  const r = await ok('generate_spark_config', {
    profile: 'dgx-h100', workloadType: 'etl', dataSize: '1t', mode: 'gpu',
  });
  assert.equal(r.mode, 'gpu');
  assert.equal(r.config['spark.plugins'], 'com.nvidia.spark.SQLPlugin');
  for (const key of Object.keys(r.config)) assert.ok(r.reasons[key], `reason for ${key}`);
  const d = await ok('generate_spark_config', {
    profile: 'dgx-spark', description: 'nightly ETL joining 2 TB of parquet tables', mode: 'cpu',
  });
  assert.equal(d.workload.workloadType, 'etl');
  assert.equal(d.workload.dataSizeBytes, 2 * TIB);
  await bad('generate_spark_config', { profile: 'dgx-spark', dataSize: '12XB' }, /12XB/);
  await bad('generate_spark_config', { profile: 'dgx-spark', mode: 'turbo' }, /mode/);
});

test('validate_spark_config: findings with the public names; missing or wrong config', async () => {
  const r = await ok('validate_spark_config', {
    config: { 'spark.executor.cores': '4', 'spark.task.cpus': '8', 'spark.ssl.keyPassword': 'hunter2' },
  });
  assert.ok(r.findings.length > 0);
  for (const f of r.findings) {
    assert.ok(['ERROR', 'WARNING', 'INFO'].includes(f.severity));
    assert.ok(f.ruleId && f.message && Array.isArray(f.keys));
  }
  assert.ok(r.findings.some((f) => f.severity === 'ERROR'));
  assert.ok(!JSON.stringify(r).includes('hunter2'), 'secret value leaked');
  const hw = await ok('validate_spark_config', {
    config: { 'spark.executor.cores': '4' }, profile: 'dgx-spark',
  });
  assert.equal(hw.hardware.origin, 'profile:dgx-spark');
  await bad('validate_spark_config', {}, /config/);
  await bad('validate_spark_config', { config: 'spark.x=1' }, /config/);
  // values are strings, as in spark-defaults.conf: one type per value keeps the schema portable
  await bad('validate_spark_config', { config: { 'spark.executor.cores': 4 } }, /spark\.executor\.cores.*string/);
});

test('list_rules: the catalog; unknown argument refused', async () => {
  const r = await ok('list_rules', {});
  assert.ok(r.rules.length > 0);
  for (const rule of r.rules) assert.ok(rule.name && rule.source && rule.rationale);
  await bad('list_rules', { x: 1 }, /x|additional/i);
});

test('classify_workload: a training job; empty, wrong type, oversized', async () => {
  const r = await ok('classify_workload', {
    description: 'train an XGBoost model on 2 TB of features with model.fit on the GPUs',
  });
  assert.equal(r.workloadType, 'ml-training');
  assert.ok(r.confidence > 0 && r.confidence <= 1);
  assert.equal(r.extraction.dataSizeBytes, 2 * TIB);
  await bad('classify_workload', { description: '' }, /description/);
  await bad('classify_workload', { description: 5 }, /description/);
  await bad('classify_workload', { description: 'x'.repeat(30000) }, /description/);
});

test('analyze_io_pattern: from a class and size, from a log; a path outside', async () => {
  const r = await ok('analyze_io_pattern', { profile: 'dgx-h100', workloadType: 'etl', dataSize: '1t' });
  assert.equal(r.inputBytes, TIB);
  assert.equal(r.measured, false);
  const m = await ok('analyze_io_pattern', { profile: 'dgx-h100', path: 'rapids_join_eventlog.zstd' });
  assert.equal(m.measured, true);
  await bad('analyze_io_pattern', { profile: 'dgx-h100', path: '../../../../../../etc/passwd' }, /outside the allowed/);
});

test('estimate_resources sizes, predict_performance gives the one time answer; bad inputs', async () => {
  const args = { profile: 'dgx-h100', nodes: 2, workloadType: 'etl', dataSize: '10t', mode: 'gpu' };
  const e = await ok('estimate_resources', args);
  assert.ok(e.resources.cores > 0 && e.resources.nodes >= 1);
  assert.equal(e.time, undefined, 'resources only: the time is predict_performance\'s answer');
  const t = await ok('predict_performance', args);
  assert.ok(t.answer.lowMs <= t.answer.expectedMs && t.answer.expectedMs <= t.answer.highMs);
  assert.equal(t.answer.level, 0.8);
  assert.ok(t.answer.model && t.answer.reason);
  await bad('estimate_resources', { profile: 'dgx-h100', dataSize: '-5g' }, /-5g/);
  await bad('predict_performance', { profile: 'dgx-h100', nodes: 0 }, /nodes/);
});

test('analyze_event_log: totals of a real log; outside, not a log, missing path', async () => {
  const r = await ok('analyze_event_log', { path: 'dr-elephant_event_log_1' });
  assert.equal(r.application.sparkVersion, '1.5.1');
  assert.equal(r.totals.tasks, 10);
  assert.ok(Array.isArray(r.recommendations));
  for (const k of ['jobs', 'stages', 'tasks', 'failedTasks', 'executorRunTimeMs', 'executorCpuTimeNs',
    'jvmGcTimeMs', 'inputBytes', 'outputBytes', 'shuffleReadBytes', 'shuffleWriteBytes',
    'memoryBytesSpilled', 'diskBytesSpilled']) {
    assert.equal(typeof r.totals[k], 'number', k);
  }
  await bad('analyze_event_log', { path: '/etc/passwd' }, /outside the allowed/);
  await bad('analyze_event_log', { path: 'FIXTURES.md' }, /FIXTURES\.md/);
  await bad('analyze_event_log', {}, /path/);
});

test('generate_recommendations: for a config; an event log is analyze_event_log\'s; bad inputs', async () => {
  // evidence first: the customshuffle log spills in a shuffle stage, so it gets advice; the
  // dr-elephant log (Spark 1.5.1, 10 tasks, no SQL) has nothing measured that asks for a change
  const fromLog = await ok('analyze_event_log', { path: 'customshuffle_eventlog.zstd' });
  assert.ok(fromLog.recommendations.length > 0);
  const quiet = await ok('analyze_event_log', { path: 'dr-elephant_event_log_1' });
  assert.equal(quiet.recommendations.length, 0);
  for (const r of fromLog.recommendations) {
    assert.ok(r.title && r.reason && r.guidance && r.abTest && r.impact && r.priority);
    for (const c of r.changes) assert.ok(c.key && 'current' in c && c.proposed !== undefined);
  }
  const forConfig = await ok('generate_recommendations', {
    config: { 'spark.executor.memory': '2g' }, profile: 'dgx-h100', workloadType: 'etl', dataSize: '1t',
  });
  assert.equal(forConfig.current['spark.executor.memory'], '2g');
  assert.ok(Object.keys(forConfig.proposed).length > 1);
  await bad('generate_recommendations', { config: { 'spark.x': '1' }, profile: 'dgx-spark', mode: 'gpu', workloadType: 'nope' }, /workloadType/);
});

test('detect_bottlenecks: for a config; a log\'s are in analyze_event_log; bad inputs', async () => {
  const a = await ok('analyze_event_log', { path: 'dr-elephant_event_log_1' });
  assert.ok(a.bottlenecks.length > 0);
  for (const b of a.bottlenecks) {
    assert.ok(['critical', 'severe', 'moderate', 'low'].includes(b.severity), b.severity);
    assert.ok(b.kind && b.reason && b.source && typeof b.evidence === 'object');
  }
  assert.ok(a.bottlenecks.some((b) => b.kind === 'driver-bound'));
  const c = await ok('detect_bottlenecks', {
    config: { 'spark.executor.instances': '8', 'spark.executor.cores': '5', 'spark.sql.shuffle.partitions': '4' },
    profile: 'dgx-h100',
    nodes: 2,
  });
  assert.ok(c.bottlenecks.some((b) => b.kind === 'too-few-partitions'));
  await bad('detect_bottlenecks', {}, /config/);
  await bad('detect_bottlenecks', { config: { 'spark.sql.shuffle.partitions': 'many' }, profile: 'dgx-h100' }, /spark\.sql\.shuffle\.partitions/);
});

test('predict_performance: Ernest with an interval at the config\'s cores; bad inputs', async () => {
  const r = await ok('predict_performance', {
    profile: 'dgx-h100', workloadType: 'sql-analytics', config: { 'spark.executor.instances': '4', 'spark.executor.cores': '8' },
  });
  assert.equal(r.performance.cores, 32);
  assert.equal(r.performance.workloadType, 'sql-analytics');
  assert.ok(r.performance.expectedMs > 0);
  assert.ok(r.performance.interval.low <= r.performance.interval.high);
  assert.ok(r.performance.interval.level > 0 && r.performance.interval.level < 1);
  assert.ok(r.time.expectedMs > 0);
  const d = await ok('predict_performance', { profile: 'dgx-spark', workloadType: 'etl', dataSize: '100g' });
  assert.equal(d.performance.cores, 20);
  await bad('predict_performance', { profile: 'dgx-h100', config: { 'spark.executor.instances': '0' } }, /spark\.executor\.instances/);
  await bad('predict_performance', { profile: 'dgx-h100', dataSize: 'lots' }, /lots/);
});

test('predict_scaling: the scale contract from a replayed log; bad inputs', async () => {
  const r = await ok('predict_scaling', { path: 'dr-elephant_event_log_1', executors: 8 });
  assert.equal(r.observedExecutors, 2);
  assert.equal(r.targetExecutors, 8);
  for (const k of ['observedDurationMs', 'predictedDurationMs']) assert.equal(typeof r[k], 'number', k);
  for (const k of ['low', 'high', 'level']) assert.equal(typeof r.interval[k], 'number', k);
  assert.ok(r.interval.low <= r.interval.high);
  const one = await ok('predict_scaling', { path: 'dr-elephant_event_log_1', executors: 1 });
  assert.ok(r.predictedDurationMs <= one.predictedDurationMs, 'more executors are never slower by the replay');
  const g = await ok('predict_scaling', { path: 'rapids_join_eventlog.zstd', executors: 2, gpus: 1 });
  assert.equal(g.replay.spec.gpusPerExecutor, 1);
  await bad('predict_scaling', { path: 'rapids_join_eventlog.zstd', executors: 2, gpus: 2 }, /maximum value of 1/);
  await bad('predict_scaling', { path: 'dr-elephant_event_log_1' }, /executors/);
  await bad('predict_scaling', { path: 'dr-elephant_event_log_1', executors: 0 }, /executors/);
  await bad('predict_scaling', { path: 'dr-elephant_event_log_1', executors: 2, gpus: 1 }, /CPU application/);
  await bad('predict_scaling', { path: '/etc/passwd', executors: 2 }, /outside the allowed/);
});

test('secrets in a config never come back (issue 21): by key, inside values, in URLs, mistyped', async () => {
  const secrets = ['U2VjcmV0S2V5T2ZBenVyZQ0123==', 'tRuStP4ss-93871', 'Tr0ub4dor-jdbc', 'hunter2-typo-secret'];
  const config = {
    'spark.hadoop.fs.azure.account.key.mystorage.blob.core.windows.net': secrets[0],
    'spark.executor.extraJavaOptions': `-XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=${secrets[1]}`,
    'spark.myapp.jdbc.url': `jdbc:mysql://db:3306/sales?user=etl&password=${secrets[2]}&ssl=true`,
    'spark.authenticate.secrt': secrets[3],
  };
  for (const tool of ['generate_recommendations', 'validate_spark_config']) {
    const r = await client.callTool({ name: tool, arguments: { profile: 'dgx-h100', config } });
    assert.equal(r.isError, false, tool);
    const all = JSON.stringify(r);
    for (const s of secrets) assert.ok(!all.includes(s), `${tool} leaks ${s}`);
  }
});

test('qualify_event_logs: the qualify contract; bad inputs', async () => {
  const r = await ok('qualify_event_logs', { paths: ['rapids_join_eventlog.zstd', 'dr-elephant_event_log_1'], profile: 'dgx-a100' });
  assert.equal(r.applications.length, 2);
  assert.deepEqual(r.skipped, []);
  for (const a of r.applications) {
    for (const k of ['appId', 'name', 'logPath', 'cpuWallTimeMs', 'recommended', 'category', 'supportedTimeFraction', 'unsupportedOperators', 'reasons']) assert.ok(k in a, k);
    for (const k of ['expected', 'low', 'high']) {
      assert.equal(typeof a.predictedGpuWallTimeMs[k], 'number', k);
      assert.equal(typeof a.speedup[k], 'number', k);
    }
  }
  await bad('qualify_event_logs', { paths: ['/etc/passwd'] }, /outside the allowed/);
});

test('an unknown tool is a JSON-RPC error and the server keeps serving', async () => {
  await assert.rejects(client.callTool({ name: 'nope', arguments: {} }), (e) => e.code === -32602);
  await client.ping();
});

test('resources: local hardware, every profile, the rule catalog, the optimization strategies', async () => {
  const { resources } = await client.listResources();
  const uris = resources.map((r) => r.uri);
  assert.ok(uris.includes('dgx://hardware/local'));
  assert.ok(uris.includes('dgx://rules/catalog'));
  assert.ok(uris.includes('dgx://profiles/dgx-h100'));
  const r = await client.readResource({ uri: 'dgx://profiles/dgx-h100' });
  const profile = JSON.parse(r.contents[0].text);
  assert.equal(profile.name, 'dgx-h100');
  assert.ok(profile.sources.gpu);
  const doc = resources.find((x) => x.uri === 'dgx://docs/optimization-strategies');
  assert.equal(doc?.mimeType, 'text/markdown');
  const d = await client.readResource({ uri: 'dgx://docs/optimization-strategies' });
  assert.equal(d.contents[0].mimeType, 'text/markdown');
  assert.equal(d.contents[0].text, readFileSync(path.resolve(here, '../../../../dgx-spark-core/README.md'), 'utf8'));
});
