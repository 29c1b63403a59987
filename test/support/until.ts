/**
 * Waits until `check` holds (something a simulator or listener saw), polling every 10 ms; fails
 * after `ms`. For waiting on an event, never for asserting how long something takes.
 */
export async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
