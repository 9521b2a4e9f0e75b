// Promise wrapper around google.script.run, typed by the server's public API.
// One place to call the server from the sidebar; failures arrive as Error with the server's message.

type ServerApi = typeof import('../gas/index');
type Fn = (...args: never[]) => unknown;

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: ServerApi[K] extends Fn ? Parameters<ServerApi[K]> : never
): Promise<ServerApi[K] extends Fn ? ReturnType<ServerApi[K]> : never> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as never))
      .withFailureHandler((error: Error) => reject(error)) as unknown as Record<string, (...a: unknown[]) => void>;
    runner[name as string](...(args as unknown[]));
  });
}
