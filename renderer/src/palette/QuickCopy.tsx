import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../ui/use-store';
import { copyFormats } from '../../../electron/contract/constants';
import type { CopyFormat } from '../../../electron/contract/keys';
import { copiedToast, copyFormatLabels } from '../keys/copy-formats';
import { keyName } from '../keys/key-name';
import { Dialog } from '../ui/Dialog';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { buildPaletteIndex, searchPalette, type PaletteEntry } from './palette-index';
import './palette.css';

/** Formats that need no secret: offered even for a key whose secret the app lacks. */
const publicFormats: ReadonlySet<CopyFormat> = new Set(['access_key', 'endpoint']);

const optionId = (index: number) => `quick-copy-option-${index}`;

/** The index of the option `target` is in (its `data-index`), or -1. */
function optionIndex(target: EventTarget | null): number {
  const option = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
  return option ? Number(option.dataset.index) : -1;
}

/**
 * Quick copy (Ctrl/Cmd+K): type to find a key on any server by name, description, label, cluster
 * or server; Enter copies its bearer token, Alt+Enter offers the other formats. Each result says
 * which server the key belongs to.
 */
export function QuickCopy() {
  const { ui, api, servers } = useStores();
  const serverList = useStore(servers.store, (s) => s.servers);
  const [entries, setEntries] = useState<PaletteEntry[] | null>(null);
  const [unavailable, setUnavailable] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [formatsFor, setFormatsFor] = useState<PaletteEntry | null>(null);
  const formatsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(
      serverList.map(async (server) => {
        try {
          const { keys } = await api.call('keys:list', { serverId: server.id });
          return { serverId: server.id, serverName: server.name, keys };
        } catch {
          return { serverId: server.id, serverName: server.name, keys: null };
        }
      }),
    ).then((lists) => {
      if (!live) return;
      setUnavailable(lists.filter((l) => l.keys === null).map((l) => l.serverName));
      setEntries(
        buildPaletteIndex(lists.flatMap((l) => (l.keys === null ? [] : [{ ...l, keys: l.keys }]))),
      );
      performance.mark('rk:palette-ready');
    });
    return () => {
      live = false;
    };
    // Loaded once per opening: the palette is a moment's search, not a live view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const results = useMemo(() => (entries ? searchPalette(entries, query) : []), [entries, query]);
  const current = results[Math.min(active, results.length - 1)];

  // For bench/renderer.bench.ts: each keystroke's results committed.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('rk:palette-input', 'mark').length > 0) {
      performance.measure('rk:palette', 'rk:palette-input');
      performance.clearMarks('rk:palette-input');
    }
  }, [results]);

  useEffect(() => {
    if (formatsFor)
      formatsRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  }, [formatsFor]);

  async function copy(entry: PaletteEntry, format: CopyFormat = 'bearer') {
    const { serverId, key } = entry;
    if (!key.hasSecret && !publicFormats.has(format)) {
      ui.open({ kind: 'importKey', serverId, accessKey: key.id });
      return;
    }
    ui.close();
    try {
      const { clearsInMs } = await api.call('keys:copy', { serverId, keyId: key.id, format });
      const { text, ...options } = copiedToast(format, key.id, clearsInMs);
      ui.toast(`${text} (${entry.serverName})`, 'success', options);
    } catch (e) {
      ui.toast(toAppError(e).message, 'error');
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(results.length - 1, a + step)));
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      if (e.altKey) setFormatsFor(current);
      else void copy(current);
    }
  }

  return (
    <Dialog title="Quick copy" onClose={() => ui.close()} testId="quick-copy" wide>
      {formatsFor ? (
        <div
          ref={formatsRef}
          role="group"
          aria-label={`Copy ${keyName(formatsFor.key)} as`}
          className="palette-formats"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setFormatsFor(null);
            }
          }}
        >
          <p className="muted">
            Copy <strong>{keyName(formatsFor.key)}</strong> ({formatsFor.serverName}) as:
          </p>
          {copyFormats.map((format) => (
            <button
              key={format}
              type="button"
              className="menu-item"
              disabled={!formatsFor.key.hasSecret && !publicFormats.has(format)}
              onClick={() => void copy(formatsFor, format)}
            >
              {copyFormatLabels[format]}
            </button>
          ))}
        </div>
      ) : (
        <>
          <input
            type="search"
            role="combobox"
            aria-label="Find a key on any server"
            aria-expanded={results.length > 0}
            aria-controls="quick-copy-results"
            aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
            aria-autocomplete="list"
            placeholder="Name, description, label, cluster or server"
            value={query}
            onChange={(e) => {
              performance.mark('rk:palette-input');
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="palette-input"
            data-autofocus
            data-testid="quick-copy-input"
          />
          <p className="hint palette-hint">
            <kbd>Enter</kbd> copies the bearer token · <kbd>Alt+Enter</kbd> other formats ·{' '}
            <kbd>Esc</kbd> closes
          </p>
          {entries === null ? (
            <p className="muted" role="status">
              Loading keys from every server…
            </p>
          ) : (
            // One listener pair for the list, not one per option: a keystroke mounts up to 50
            // options. Focus stays in the search field (mousedown); a click copies that option.
            <ul
              id="quick-copy-results"
              role="listbox"
              aria-label="Keys"
              className="palette-results"
              data-testid="quick-copy-results"
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                const entry = results[optionIndex(e.target)];
                if (entry) void copy(entry);
              }}
            >
              {results.map((entry, index) => (
                <li
                  key={`${entry.serverId}/${entry.key.id}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={entry === current}
                  className={entry === current ? 'palette-option current' : 'palette-option'}
                  data-index={index}
                  data-testid="quick-copy-option"
                >
                  <span className="palette-name" title={entry.key.description || undefined}>
                    {keyName(entry.key)}
                  </span>
                  <span className="palette-meta mono">{entry.key.id}</span>
                  {!entry.key.hasSecret && <span className="chip chip-nosecret">No secret</span>}
                  <span className="palette-server" title={entry.serverName}>
                    {entry.serverName}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {entries !== null && results.length === 0 && (
            <p className="muted" role="status">
              No key matches.
            </p>
          )}
          {unavailable.length > 0 && (
            <p className="hint" role="status">
              Not searched (could not be listed): {unavailable.join(', ')}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
