// The app's pages as the demonstration data fills them: the browser tests, the screenshots and the
// Lighthouse run all walk these, so a new page is added here once.

/** What every signed-in reader opens (the ids are the demonstration catalogue's). */
export const READER_PAGES = [
  '/',
  '/indicators/external-funding-flows',
  '/families/funding',
  '/scenarios',
  '/scenarios/underground-persistence',
  '/warnings',
  '/validator',
  '/digests',
  '/sources',
  '/settings'
];

/** The administrators' pages. */
export const ADMIN_PAGES = ['/admin/users', '/admin/audit', '/admin/deliveries'];

/** The briefing over the demonstration year. */
export const BRIEFING_PAGE = '/briefing?from=2023-02-01&to=2024-01-31';

/** The next digest as its mail will show it. */
export const DIGEST_PREVIEW_PAGE = '/digests/preview';

/** Where officers and administrators load a file of observations. */
export const IMPORT_PAGE = '/import';

/** Every page a signed-in administrator can open. */
export const EVERY_PAGE = [...READER_PAGES, BRIEFING_PAGE, DIGEST_PREVIEW_PAGE, IMPORT_PAGE, ...ADMIN_PAGES];
