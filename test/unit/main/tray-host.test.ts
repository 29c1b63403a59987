import { describe, expect, it } from 'vitest';
import { detectTrayHost, parseTrayHostReply } from '../../../electron/main/tray/tray-host';

describe('tray host detection', () => {
  it('sees a registered StatusNotifier host', () => {
    const stdout =
      'method return time=1.2 sender=:1.5 -> destination=:1.9 serial=7\n   variant       boolean true\n';
    expect(parseTrayHostReply({ ok: true, stdout, stderr: '' })).toBe('present');
  });

  it('sees no host when the watcher says false or does not exist (stock GNOME)', () => {
    expect(
      parseTrayHostReply({ ok: true, stdout: '   variant       boolean false\n', stderr: '' }),
    ).toBe('absent');
    expect(
      parseTrayHostReply({
        ok: false,
        stdout: '',
        stderr:
          'Error org.freedesktop.DBus.Error.ServiceUnknown: The name org.kde.StatusNotifierWatcher was not provided by any .service files\n',
      }),
    ).toBe('absent');
  });

  it('does not guess when the bus itself failed', () => {
    expect(
      parseTrayHostReply({
        ok: false,
        stdout: '',
        stderr: 'Failed to open connection to "session" message bus',
      }),
    ).toBe('unknown');
  });

  it('asks only on Linux', async () => {
    await expect(detectTrayHost('darwin')).resolves.toBe('present');
    await expect(detectTrayHost('win32')).resolves.toBe('present');
  });

  it('answers for the real session bus here, without hanging', async () => {
    // Under `npm test` there is a private D-Bus session without any panel: no host (or no bus).
    await expect(detectTrayHost('linux')).resolves.toMatch(/^(absent|unknown)$/);
  });
});
