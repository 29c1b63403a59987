import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate, type AppCommand } from '../../../electron/main/window/app-menu';

function build(platform: NodeJS.Platform) {
  const done: string[] = [];
  const template = buildAppMenuTemplate({
    platform,
    productName: 'Rancher Keys',
    actions: {
      command: (c: AppCommand) => done.push(`command:${c}`),
      refresh: () => done.push('refresh'),
      openDocumentation: () => done.push('docs'),
      showLog: () => done.push('log'),
      quit: () => done.push('quit'),
    },
  });
  return { template, done };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('buildAppMenuTemplate', () => {
  it('has the app menu first on macOS, with About, Settings and Quit', () => {
    const { template } = build('darwin');
    expect(template[0]?.label).toBe('Rancher Keys');
    const roles = flatten([template[0]!]).map((i) => i.role ?? i.id);
    expect(roles).toEqual(expect.arrayContaining(['about', 'settings', 'hide', 'quit']));
  });

  it('has File, Edit, View, Window and Help elsewhere, with About under Help', () => {
    const { template } = build('linux');
    expect(template.map((i) => i.label ?? i.role)).toEqual([
      '&File',
      'editMenu',
      '&View',
      'windowMenu',
      'help',
    ]);
    expect(flatten(template).filter((i) => i.role === 'about')).toHaveLength(1);
  });

  it('binds the shortcuts to the window commands, refresh and quit', () => {
    const { template, done } = build('linux');
    const items = flatten(template);
    const byId = (id: string) => items.find((i) => i.id === id);
    expect(byId('new-key')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byId('search')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byId('settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(byId('refresh')?.accelerator).toBe('CmdOrCtrl+R');
    for (const id of ['new-key', 'search', 'settings', 'refresh', 'docs', 'log', 'quit']) {
      click(byId(id));
    }
    expect(done).toEqual([
      'command:newKey',
      'command:search',
      'command:settings',
      'refresh',
      'docs',
      'log',
      'quit',
    ]);
  });

  it('leaves out reload and developer tools, which would reload or expose the page', () => {
    const roles = flatten(build('linux').template).map((i) => i.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
  });
});
