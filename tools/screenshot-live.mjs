// Screenshots a page that keeps a stream open (the dashboard's live progress), which
// `chromium --headless --screenshot` takes before the stream's first events: loads the page in a
// headless Chromium, waits, then captures it over the DevTools protocol.
// Usage: node --experimental-websocket tools/screenshot-live.mjs URL OUT.png [WAIT_MS] [WIDTH] [HEIGHT]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, out, waitMs = '4000', width = '1280', height = '1000'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node --experimental-websocket tools/screenshot-live.mjs URL OUT.png [WAIT_MS] [WIDTH] [HEIGHT]');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'shot-'));
const browser = spawn(process.env.CHROMIUM || 'chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
  '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, `--window-size=${width},${height}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
try {
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    browser.stderr.on('data', (d) => {
      seen += d;
      const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(new URL(m[1]));
    });
    browser.once('exit', () => reject(new Error('chromium exited:\n' + seen)));
  });
  const targets = await (await fetch(`http://${endpoint.host}/json/list`)).json();
  const page = targets.find((t) => t.type === 'page');
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  let next = 0;
  const waiting = new Map();
  socket.onmessage = (m) => {
    const reply = JSON.parse(m.data);
    if (waiting.has(reply.id)) waiting.get(reply.id)(reply);
  };
  const send = (method, params = {}) => new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('Page.navigate', { url });
  await new Promise((r) => setTimeout(r, Number(waitMs)));
  const shot = await send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
  console.log(`wrote ${out}`);
  socket.close();
} finally {
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  browser.kill('SIGKILL');
  await exited;
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
