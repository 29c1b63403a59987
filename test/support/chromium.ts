/**
 * How our tests and benchmarks start Debian's Chromium (toolchain.md): Playwright's own browser
 * downloads cannot run here, and without the background-networking flags Chromium keeps trying to
 * reach Google's hosts through a closed network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
