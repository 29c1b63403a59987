// Stands in for the preload when the renderer runs in a plain browser through the test bridge:
// the same `window.rancherKeys` API, carried over HTTP (invoke) and server-sent events (on).
(() => {
  const token = new URLSearchParams(location.search).get('t') ?? '';
  const listeners = new Map();
  const events = new EventSource(`./__bridge/events?t=${encodeURIComponent(token)}`);
  events.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data);
    // The demo's "system browser": a new tab (the app's is the OS's default browser).
    if (event === 'bridge:openPage') {
      if (/^https?:\/\//.test(payload.url)) window.open(payload.url, '_blank', 'noopener');
      return;
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const api = {
    async invoke(channel, input) {
      const response = await fetch(`./__bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  Object.defineProperty(window, 'rancherKeys', { value: Object.freeze(api), enumerable: true });
})();
