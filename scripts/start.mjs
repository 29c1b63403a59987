// `npm start`: builds, then launches Electron. Where no Electron binary can be had it says so in
// one sentence and points to the browser demo, instead of failing with a stack trace.
import { spawn } from 'node:child_process';
import { buildAll } from './build.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const electron = findElectronBinary();
if (!electron.path) {
  console.error(
    `Rancher Keys cannot start: ${electron.reason}; run \`npm run demo\` to use the app in your browser instead.`,
  );
  process.exit(1);
}
await buildAll();
const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
