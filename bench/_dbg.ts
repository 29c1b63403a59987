import { startServers } from './core-refresh.bench';
const { t, serverIds, stop } = await startServers(1, Number(process.argv[2] ?? 1000), { refreshTimeoutMs: 120_000 });
const r = await t.dispatch('keys:refresh', { serverId: serverIds[0] });
console.log(JSON.stringify(r).slice(0, 500));
const l = await t.dispatch('keys:list', { serverId: serverIds[0], limit: 2 });
console.log(JSON.stringify(l).slice(0, 800));
console.log(t.log.lines.filter((x) => /warn|error|refresh/i.test(x)).slice(0, 10).join('\n'));
stop(); await t.close().catch(() => undefined); process.exit(0);
