/** Validates the environment once at start-up, so a bad variable stops the server with its name. */
export async function register() {
  const { getEnv } = await import('./lib/env');
  getEnv();
}
