// The add-on's name and version, used in the User-Agent header and the sidebar footer.
// Bump together with package.json when releasing.

export const ADDON_NAME = 'ChartMogul for Google Sheets';
export const ADDON_VERSION = '0.1.0';
export const USER_AGENT = `chartmogul-sheets-addon/${ADDON_VERSION}`;
