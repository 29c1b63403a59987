import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/main/window/window-options';

/** The object literal passed as `webPreferences` to `new BrowserWindow({...})` in a source file. */
function literalWebPreferences(file: string): Map<string, string> {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Map<string, string>[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      node.expression.getText() === 'BrowserWindow' &&
      node.arguments?.[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      for (const prop of node.arguments[0].properties) {
        if (
          ts.isPropertyAssignment(prop) &&
          prop.name.getText() === 'webPreferences' &&
          ts.isObjectLiteralExpression(prop.initializer)
        ) {
          const entries = new Map<string, string>();
          for (const p of prop.initializer.properties) {
            if (ts.isPropertyAssignment(p)) entries.set(p.name.getText(), p.initializer.getText());
            else entries.set(p.getText(), '(not a plain property)');
          }
          found.push(entries);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the BrowserWindow site (main-window.ts)', () => {
  const prefs = literalWebPreferences('electron/main/window/main-window.ts');

  it('states the renderer hardening literally, as the security checklist asks', () => {
    expect(prefs.get('contextIsolation')).toBe('true');
    expect(prefs.get('sandbox')).toBe('true');
    expect(prefs.get('nodeIntegration')).toBe('false');
    expect(prefs.get('nodeIntegrationInWorker')).toBe('false');
    expect(prefs.get('nodeIntegrationInSubFrames')).toBe('false');
    expect(prefs.get('webviewTag')).toBe('false');
    expect(prefs.get('preload')).toBe('options.preloadPath');
  });

  it('leaves webSecurity and insecure content at their safe defaults (no spread can hide them)', () => {
    expect(prefs.has('webSecurity')).toBe(false);
    expect(prefs.has('allowRunningInsecureContent')).toBe(false);
    expect(prefs.has('experimentalFeatures')).toBe(false);
    expect([...prefs.values()]).not.toContain('(not a plain property)');
  });
});

describe('windowOptions', () => {
  it('leaves webPreferences to the BrowserWindow site', () => {
    expect(windowOptions()).not.toHaveProperty('webPreferences');
  });

  it('opens hidden (shown when ready) at the remembered bounds', () => {
    const options = windowOptions({
      bounds: { x: 5, y: 6, width: 900, height: 700, maximized: false },
    });
    expect(options).toMatchObject({
      show: false,
      x: 5,
      y: 6,
      width: 900,
      height: 700,
      minWidth: 760,
    });
  });

  it('uses default size and lets the OS place the window when no bounds are saved', () => {
    const options = windowOptions({ bounds: null });
    expect(options).toMatchObject({ width: 1100, height: 720 });
    expect(options).not.toHaveProperty('x');
  });
});
