// Cold start of the MCP server: spawn -> initialize answered -> tools/list -> first tools/call result.
// Not a test (node --test runs *.test.mjs only). Usage, from this folder:
//   node cold-start.mjs [N] [TOOL] -- java [JVM flags] -jar ../../../target/dgx-spark-mcp.jar serve
// Prints the median [min..max] of N runs in ms.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const sep = process.argv.indexOf('--');
const n = Number(process.argv[2] ?? 10);
const tool = sep > 3 ? process.argv[3] : 'list_profiles';
const cmd = process.argv.slice(sep + 1);

function once() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const marks = {};
    const p = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    const send = (m) => p.stdin.write(`${JSON.stringify(m)}\n`);
    readline.createInterface({ input: p.stdout }).on('line', (line) => {
      const m = JSON.parse(line);
      if (m.id === 1) {
        marks.initialize = performance.now() - t0;
        send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      } else if (m.id === 2) {
        marks.list = performance.now() - t0;
        send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: tool, arguments: {} } });
      } else if (m.id === 3) {
        marks.call = performance.now() - t0;
        if (m.result?.isError) reject(new Error(line));
        p.stdin.end();
      }
    });
    p.on('exit', () => {
      marks.exit = performance.now() - t0;
      resolve(marks);
    });
    send({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'cold-start', version: '0' } },
    });
  });
}

const runs = [];
for (let i = 0; i < n; i++) runs.push(await once());
const stat = (k) => {
  const v = runs.map((r) => r[k]).sort((a, b) => a - b);
  return `${k}=${Math.round(v[Math.floor(v.length / 2)])}ms [${Math.round(v[0])}..${Math.round(v[v.length - 1])}]`;
};
console.log(`n=${n} tool=${tool} ${stat('initialize')} ${stat('list')} ${stat('call')} ${stat('exit')}`);
