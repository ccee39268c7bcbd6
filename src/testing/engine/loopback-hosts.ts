/**
 * Hosts `startLoopbackServer` is reached on. A fake served there cannot know the port up front, so
 * it claims loopback requests by their content instead of by origin; that is what lets several
 * fakes' handlers share one loopback server.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
