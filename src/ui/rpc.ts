// Promise wrapper around google.script.run, typed by the server's public API.
// One place to call the server from the sidebar; failures arrive as Error with a message fit for the user.

type ServerApi = typeof import('../gas/index');
type Fn = (...args: never[]) => unknown;

/** Apps Script's own failures (not our server's messages) in plain words; technical prefixes removed. */
const PLATFORM_ERRORS: Array<[RegExp, string]> = [
  [/NetworkError|Connection failure due to HTTP/, 'Could not reach Google. Check your internet connection and try again.'],
  [/Authorization is required|PERMISSION_DENIED|You do not have permission to call/, 'Google needs your permission again: reload the spreadsheet and reopen ChartMogul.'],
  [/exceeded maximum execution time|Service \w+ timed out/, 'Google Sheets took too long to answer. Please try again.'],
  [/Service invoked too many times/, 'Google Sheets is busy. Wait a minute and try again.'],
  [/Script function not found|illegal value in property|We're sorry, a server error occurred/, 'Something went wrong in the add-on. Reload the spreadsheet and try again.'],
];

export function friendlyMessage(raw: unknown): string {
  const text = String(raw instanceof Error ? raw.message : raw ?? '').replace(/^(?:(?:Exception|ScriptError|TypeError|Error):\s*)+/, '').trim();
  for (const [pattern, message] of PLATFORM_ERRORS) if (pattern.test(text)) return message;
  return text || 'Something went wrong. Please try again.';
}

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: ServerApi[K] extends Fn ? Parameters<ServerApi[K]> : never
): Promise<ServerApi[K] extends Fn ? ReturnType<ServerApi[K]> : never> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as never))
      .withFailureHandler((error: Error) => reject(new Error(friendlyMessage(error)))) as unknown as Record<string, (...a: unknown[]) => void>;
    runner[name as string](...(args as unknown[]));
  });
}
