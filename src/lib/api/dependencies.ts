// Every key a page's `load` declares with depends() and a change announces with invalidate(), in one
// place: a load and the write that should refresh it can only meet on the same string.

/** Who is signed in; invalidated by signing in and out. */
export const SESSION_DEPENDENCY = 'app:session';

/** Observations and what is derived from them (overview, series, fit); recording or importing refreshes it. */
export const OBSERVATIONS_DEPENDENCY = 'app:observations';

/** Every load showing warnings; invalidate it after acknowledging one. */
export const WARNINGS_DEPENDENCY = 'app:warnings';

/** Every load showing sources; invalidate it after creating or grading one. */
export const SOURCES_DEPENDENCY = 'app:sources';

/** Chart annotations; adding or correcting one refreshes the charts that draw them. */
export const ANNOTATIONS_DEPENDENCY = 'app:annotations';

/** Digests, their deliveries and subscriptions. */
export const DIGESTS_DEPENDENCY = 'app:digests';

/** The administrators' list of accounts. */
export const USERS_DEPENDENCY = 'app:users';
