import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/main/window/window-options';

describe('windowOptions', () => {
  it('hardens the renderer as the security checklist asks', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
    // Left at their secure defaults: setting them at all would be a finding.
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });

  it('opens hidden (shown when ready) at the remembered bounds', () => {
    const options = windowOptions('/p', {
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
    const options = windowOptions('/p', { bounds: null });
    expect(options).toMatchObject({ width: 1100, height: 720 });
    expect(options).not.toHaveProperty('x');
  });
});
